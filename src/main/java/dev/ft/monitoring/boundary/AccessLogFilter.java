package dev.ft.monitoring.boundary;

import dev.ft.monitoring.control.AccessLog;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes every request that reaches the application to the access log once it is answered, with the
 * bytes its answer carried. (Requests the authentication refuses before any filter runs are written
 * by the authentication itself, through the same {@link AccessLog}.)
 */
@WebFilter("/*")
public class AccessLogFilter extends HttpFilter {

  @Inject AccessLog log;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!log.isEnabled()) {
      chain.doFilter(request, response);
      return;
    }
    long start = System.nanoTime();
    CountingResponse counted = new CountingResponse(response);
    int status = 500;
    try {
      chain.doFilter(request, counted);
      status = response.getStatus();
    } finally {
      log.record(request, request.getRemoteUser(), status, counted.bytes(), start);
    }
  }
}
