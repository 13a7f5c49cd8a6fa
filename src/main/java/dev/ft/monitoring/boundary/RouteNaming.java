package dev.ft.monitoring.boundary;

import dev.ft.monitoring.control.AnsweredRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Names the REST endpoint a request matched, as its path template ({@code /api/v1/files/{name}}),
 * for the request metrics. Requests that match none keep the servlet's mapping ({@code /api/v1/*}).
 */
@Provider
public class RouteNaming implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (resource.getResourceClass() == null || resource.getResourceMethod() == null) {
      return;
    }
    List<Object> matched = uri.getMatchedResources();
    String resourcePath =
        matched.size() > 1 ? throughLocators(matched) : segment(resource.getResourceClass());
    request.setAttribute(
        AnsweredRequests.ROUTE,
        request.getServletPath() + resourcePath + segment(resource.getResourceMethod()));
  }

  /**
   * The path of a sub-resource: its root resource's, then that of each locator on the way. The
   * matched resources come answering one first, root last.
   */
  private static String throughLocators(List<Object> matched) {
    Class<?> parent = rootClass(matched.get(matched.size() - 1).getClass());
    StringBuilder path = new StringBuilder(segment(parent));
    for (int i = matched.size() - 2; i >= 0; i--) {
      Class<?> child = matched.get(i).getClass();
      path.append(segment(locator(parent, child)));
      parent = child;
    }
    return path.toString();
  }

  /** The class a root resource was declared as, under any subclass the CDI container made. */
  private static Class<?> rootClass(Class<?> type) {
    Class<?> declared = type;
    while (declared != null && !declared.isAnnotationPresent(Path.class)) {
      declared = declared.getSuperclass();
    }
    return declared != null ? declared : type;
  }

  private static Method locator(Class<?> parent, Class<?> child) {
    return Arrays.stream(parent.getMethods())
        .filter(m -> m.isAnnotationPresent(Path.class) && !answers(m))
        .filter(m -> m.getReturnType().isAssignableFrom(child))
        .findFirst()
        .orElse(null);
  }

  private static boolean answers(Method method) {
    return Arrays.stream(method.getAnnotations())
        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }

  private static String segment(AnnotatedElement element) {
    Path path = element == null ? null : element.getAnnotation(Path.class);
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
