package dev.ft.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Behind a load balancer every request comes from the balancer: this filter, first in web.xml's
 * chain, gives the rest of the server (login throttling, share-link throttling, the access log,
 * {@code FT_METRICS_FROM}) the client's address that a trusted proxy forwarded.
 */
public class ClientAddressFilter extends HttpFilter {
  private transient ForwardedClients forwarded;

  @Override
  public void init() {
    forwarded =
        ForwardedClients.parse(
            ConfigProvider.getConfig(ClientAddressFilter.class.getClassLoader())
                .getOptionalValue("ft.trusted-proxies", String.class)
                .orElse(""));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (forwarded.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String client =
        forwarded.clientOf(
            request.getRemoteAddr(),
            request.getHeader("X-Forwarded-For"),
            request.getHeader("Forwarded"));
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getRemoteAddr() {
            return client;
          }

          @Override
          public String getRemoteHost() {
            return client;
          }
        },
        response);
  }
}
