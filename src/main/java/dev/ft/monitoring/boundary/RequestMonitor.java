package dev.ft.monitoring.boundary;

import dev.ft.monitoring.control.AnsweredRequests;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Around every request that reaches the application: times it and, once it is answered, has it
 * logged and counted, with the bytes its answer carried. (Requests the authentication refuses
 * before any filter runs are recorded by the authentication itself.)
 */
@WebFilter("/*")
public class RequestMonitor extends HttpFilter {

  @Inject AnsweredRequests answered;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    CountingResponse counted = answered.countsBytes() ? new CountingResponse(response) : null;
    int status = 500;
    try {
      chain.doFilter(request, counted != null ? counted : response);
      status = response.getStatus();
    } finally {
      answered.record(
          request, request.getRemoteUser(), status, counted != null ? counted.bytes() : -1, start);
    }
  }
}
