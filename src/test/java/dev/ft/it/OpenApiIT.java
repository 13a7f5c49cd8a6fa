package dev.ft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Res;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API description on {@code /openapi}: valid by a real OpenAPI parser, the one kept in the
 * repository, naming exactly the operations the resource classes declare, and the same ones as the
 * prose contract in {@code docs/api.md}.
 */
class OpenApiIT extends ServerIT {
  private static final java.nio.file.Path KEPT =
      java.nio.file.Path.of("src/main/resources/META-INF/openapi.yaml");
  private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");
  private static final String API_ROOT = "/api/v1";

  private static OpenAPI parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertEquals(List.of(), result.getMessages(), "the validator's findings");
    assertNotNull(result.getOpenAPI());
    return result.getOpenAPI();
  }

  private static OpenAPI served() {
    Res answer = api.send(api.request("/openapi").header("Accept", "application/json").GET());
    assertEquals(200, answer.status(), answer.toString());
    return parse(answer.text());
  }

  /** {@code METHOD /path operationId} of every operation. */
  private static Set<String> operations(OpenAPI doc, boolean withIds) {
    Set<String> all = new TreeSet<>();
    doc.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            all.add(
                                method
                                    + " "
                                    + path
                                    + (withIds ? " " + operation.getOperationId() : ""))));
    return all;
  }

  @Test
  void theServedDescriptionIsValidAndIsTheOneKeptInTheRepository() throws IOException {
    OpenAPI served = served();
    OpenAPI kept = parse(Files.readString(KEPT));
    assertEquals("ft file transfer server", served.getInfo().getTitle());
    assertEquals(operations(kept, true), operations(served, true));
    assertEquals(
        kept.getComponents().getSchemas().keySet(), served.getComponents().getSchemas().keySet());
    assertTrue(
        served
            .getComponents()
            .getSecuritySchemes()
            .keySet()
            .containsAll(Set.of("bearerAuth", "basicAuth")));
    for (Map.Entry<String, PathItem> path : served.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        String name = entry.getKey() + " " + path.getKey();
        assertNotNull(operation.getOperationId(), name);
        assertEquals(1, operation.getTags().size(), name + " has one tag");
        boolean needsLogin =
            operation.getSecurity() != null
                && operation.getSecurity().stream().noneMatch(Map::isEmpty)
                && !operation.getSecurity().isEmpty();
        if (needsLogin) {
          assertTrue(operation.getResponses().containsKey("401"), name + " says 401");
        }
        operation.getResponses().entrySet().stream()
            .filter(r -> r.getKey().startsWith("4") || r.getKey().startsWith("5"))
            .forEach(
                r ->
                    assertTrue(
                        r.getValue().getContent().containsKey("application/problem+json"),
                        name + " " + r.getKey() + " is a problem document"));
      }
    }
  }

  @Test
  void everyResourceMethodIsDescribedAndEveryDescribedOperationExists() throws Exception {
    Set<String> declared = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        declareOperations(type, API_ROOT + segment(type), declared);
      }
    }
    assertTrue(declared.size() > 40, declared.toString());
    Set<String> described = new TreeSet<>();
    operations(served(), false).forEach(o -> described.add(o.toLowerCase()));
    assertEquals(declared, described);
  }

  /** The operations of a resource at a path, and of the sub-resources its locators return. */
  private static void declareOperations(Class<?> type, String path, Set<String> declared) {
    for (Method method : type.getMethods()) {
      String verb = httpMethodOf(method);
      if (verb != null) {
        declared.add(verb.toLowerCase() + " " + path + segment(method));
      } else if (method.isAnnotationPresent(Path.class)) {
        declareOperations(method.getReturnType(), path + segment(method), declared);
      }
    }
  }

  private static String httpMethodOf(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  /** A {@code @Path} as it appears in a URL template: a leading slash, no regular expressions. */
  private static String segment(AnnotatedElement element) {
    Path path = element.getAnnotation(Path.class);
    if (path == null) {
      return "";
    }
    String value = path.value().replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}");
    value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    return value.isEmpty() ? "" : value.startsWith("/") ? value : "/" + value;
  }

  @Test
  void theContractInDocsNamesTheSameOperations() throws IOException {
    Pattern row =
        Pattern.compile("^\\|\\s*([A-Z][A-Z, ]*?)\\s*\\|\\s*`([^`]+)`", Pattern.MULTILINE);
    Matcher m = row.matcher(Files.readString(java.nio.file.Path.of("docs/api.md")));
    Set<String> documented = new TreeSet<>();
    while (m.find()) {
      String path = m.group(2).replaceAll("\\?.*", "");
      if (!path.startsWith(API_ROOT)) {
        continue;
      }
      List<String> verbs = List.of(m.group(1).split(",\\s*"));
      for (String verb : verbs) {
        if (verb.equals("HEAD") && verbs.contains("GET")) {
          continue; // a download's HEAD comes with its GET
        }
        documented.add(verb.toLowerCase() + " " + path);
      }
    }
    Set<String> described = new TreeSet<>();
    operations(served(), false).forEach(o -> described.add(o.toLowerCase()));
    assertEquals(described, documented);
  }
}
