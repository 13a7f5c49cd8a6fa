package dev.ft.monitoring.boundary;

import dev.ft.monitoring.control.AnsweredRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;

/**
 * Names the REST endpoint a request matched, as its path template ({@code /api/v1/files/{name}}),
 * for the request metrics. Requests that match none keep the servlet's mapping ({@code /api/v1/*}).
 */
@Provider
public class RouteNaming implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (resource.getResourceClass() == null || resource.getResourceMethod() == null) {
      return;
    }
    String route =
        request.getServletPath()
            + segment(resource.getResourceClass())
            + segment(resource.getResourceMethod());
    request.setAttribute(AnsweredRequests.ROUTE, route);
  }

  private static String segment(AnnotatedElement element) {
    Path path = element.getAnnotation(Path.class);
    if (path == null || path.value().isEmpty() || path.value().equals("/")) {
      return "";
    }
    String value =
        path.value().endsWith("/")
            ? path.value().substring(0, path.value().length() - 1)
            : path.value();
    return value.startsWith("/") ? value : "/" + value;
  }
}
