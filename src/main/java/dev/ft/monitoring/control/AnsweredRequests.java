package dev.ft.monitoring.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What happens once a request is answered: its access-log line, and its time in {@code
 * ft_http_server_requests_seconds} by method, route and status. The route is the endpoint's
 * template ({@code /api/v1/files/{name}}), never the path itself, so the series stay few.
 */
@ApplicationScoped
public class AnsweredRequests {
  /** The request attribute in which the REST API names the endpoint it matched. */
  public static final String ROUTE = "ft.route";

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(300)
  };

  @Inject AccessLog log;
  @Inject MeterRegistry registry;

  public boolean countsBytes() {
    return log.isEnabled();
  }

  /** A request answered now; it reached the application at {@code startNanos}. */
  public void record(
      HttpServletRequest request, String user, int status, long bytesOut, long startNanos) {
    long nanos = System.nanoTime() - startNanos;
    Timer.builder("ft.http.server.requests")
        .description("Requests by method, route and status, from arrival to the last byte")
        .tag("method", request.getMethod())
        .tag("route", routeOf(request))
        .tag("status", Integer.toString(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    log.record(request, user, status, bytesOut, nanos);
  }

  private static String routeOf(HttpServletRequest request) {
    if (request.getAttribute(ROUTE) instanceof String route) {
      return route;
    }
    HttpServletMapping mapping = request.getHttpServletMapping();
    String pattern = mapping == null ? "" : mapping.getPattern();
    return pattern == null || pattern.isEmpty() ? "/" : pattern;
  }
}
