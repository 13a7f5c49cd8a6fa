package dev.ft.monitoring.boundary;

import dev.ft.monitoring.control.ServerMetrics;
import dev.ft.platform.AddressRange;
import dev.ft.platform.Challenge;
import dev.ft.platform.Problem;
import dev.ft.platform.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format, for a scraper at an address in
 * {@code FT_METRICS_FROM} (loopback by default) without a login, for anyone else only as an admin.
 * It also holds {@code /metrics/*}, where Payara would otherwise add its own MicroProfile Metrics
 * servlet to the application at the root context, open to anyone; those paths answer 404.
 */
@WebServlet({"/metrics", "/metrics/*"})
public class MetricsServlet extends HttpServlet {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject ServerMetrics metrics;

  @Inject
  @ConfigProperty(name = "ft.metrics-from")
  String metricsFrom;

  private List<AddressRange> scrapers;

  @PostConstruct
  void readScrapers() {
    scrapers =
        Arrays.stream(metricsFrom.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(
                s ->
                    AddressRange.parse(s)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "FT_METRICS_FROM: '"
                                        + s
                                        + "' is not an address or CIDR range")))
            .toList();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
      refuse(response, new Problem(404, "Not found", "The metrics are all at /metrics."));
      return;
    }
    String address = request.getRemoteAddr();
    boolean scraper = scrapers.stream().anyMatch(range -> range.contains(address));
    if (!scraper && !request.isUserInRole(Roles.ADMIN)) {
      boolean anonymous = request.getRemoteUser() == null;
      if (anonymous) {
        response.setHeader("WWW-Authenticate", Challenge.HEADER_VALUE);
      }
      refuse(
          response,
          anonymous
              ? new Problem(
                  401,
                  "Authentication required",
                  "Metrics are open to FT_METRICS_FROM without a login, to admins from anywhere.")
              : new Problem(403, "Forbidden", "Only admins read the metrics from this address."));
      return;
    }
    response.setContentType(PROMETHEUS_TEXT);
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(metrics.scrape());
  }

  private static void refuse(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.toJson());
  }
}
