package dev.ft.platform;

import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Bodies of the API's JSON operations (those whose method consumes {@code application/json}; a
 * file upload is bytes, whatever its type) are small (credentials, a visibility, a role): more than 64 KiB is refused with
 * 413 before it is read into memory, announced or not. What fits is parsed once as plain JSON
 * before JSON-B binds it, and malformed JSON is a 400 right here: the runtime's JSON-P
 * (Parsson 1.1.x) loops forever when JSON-B skips an unknown member whose object or array is
 * never closed ({@code {"x":{}), eclipse-ee4j/parsson#23, found by JsonBodyFuzzTest; a whole
 * parse ends at the end of the input instead.
 */
@Provider
public class JsonBodyCheck implements ContainerRequestFilter {
  static final int MAX_BYTES = 64 * 1024;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null || !isJson(type) || !consumesJson(resource.getResourceMethod())) {
      return;
    }
    if (request.getLength() > MAX_BYTES) {
      throw tooLarge();
    }
    byte[] body = readAtMostLimit(request.getEntityStream());
    requireWellFormed(body);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static boolean isJson(MediaType type) {
    return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
  }

  private static boolean consumesJson(Method method) {
    Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
    return consumes != null && Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_JSON);
  }

  /** Refuses a body that is not one complete JSON value; an empty body is left to the resource. */
  public static void requireWellFormed(byte[] body) {
    if (body.length == 0) {
      return;
    }
    try (JsonReader reader = JsonFactories.READERS.createReader(new ByteArrayInputStream(body))) {
      reader.readValue();
    } catch (RuntimeException e) { // JsonException, and Parsson's own for nesting deeper than 1000
      throw DomainException.invalid("The body is not well-formed JSON.");
    }
  }

  private static byte[] readAtMostLimit(InputStream in) {
    try {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DomainException tooLarge() {
    return new DomainException(
        DomainException.Kind.TOO_LARGE,
        "Body too large",
        "A JSON body can be at most " + MAX_BYTES + " bytes.");
  }
}
