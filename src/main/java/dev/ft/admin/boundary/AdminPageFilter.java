package dev.ft.admin.boundary;

import dev.ft.platform.Csrf;
import dev.ft.platform.DomainException;
import dev.ft.platform.DomainExceptionMapper;
import dev.ft.platform.PageHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Around every admin page: a strict Content-Security-Policy (no script at all, no framing), and no
 * state change without the form's CSRF token. A domain failure shows as a page, not a stack trace.
 */
@WebFilter({"/admin", "/admin/*"})
public class AdminPageFilter extends HttpFilter {
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    PageHeaders.addTo(response);
    request.setCharacterEncoding("UTF-8");
    if ("POST".equals(request.getMethod()) && !Csrf.isValid(request)) {
      Pages.problem(
          request,
          response,
          403,
          "This form has expired or did not come from this page. Reload and try again.");
      return;
    }
    request.setAttribute(Csrf.FIELD, Csrf.tokenFor(request, response));
    try {
      chain.doFilter(request, response);
    } catch (DomainException e) {
      Pages.problem(request, response, DomainExceptionMapper.statusOf(e.kind()), e.getMessage());
    }
  }
}
