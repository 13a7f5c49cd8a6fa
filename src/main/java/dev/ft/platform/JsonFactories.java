package dev.ft.platform;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import java.util.Map;

/**
 * JSON-P factories made once. Json's static methods look the provider up again on every call, a
 * scan of the class path for its service file unless the JVM names the provider ({@code
 * payara/serve} does); on Payara's health probes, which build their answers that way, the look-up
 * took about two thirds of each request (bench/results.md).
 */
public final class JsonFactories {
  public static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
  public static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private JsonFactories() {}
}
