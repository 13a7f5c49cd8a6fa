package dev.ft.platform;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Teaches the runtime's HTTP layer (Grizzly) the reason phrases it lacks for statuses this server
 * sends. Without them the status line of a 429 reads {@code HTTP/1.1 429 CUSTOM}; the Servlet API
 * has no way to set a reason phrase, and Grizzly keeps its table behind a private method, so it is
 * called once at start-up. Should that ever fail, only the phrase is wrong.
 */
final class ReasonPhrases {
  private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());
  private static final String GRIZZLY_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";
  static final Map<Integer, String> MISSING =
      Map.of(
          422, "Unprocessable Content",
          429, "Too Many Requests",
          460, "Checksum Mismatch",
          507, "Insufficient Storage");

  private ReasonPhrases() {}

  static void register() {
    try {
      Class<?> status = Class.forName(GRIZZLY_STATUS, true, ReasonPhrases.class.getClassLoader());
      Method register = status.getDeclaredMethod("register", int.class, String.class);
      register.setAccessible(true);
      for (var phrase : MISSING.entrySet()) {
        register.invoke(null, phrase.getKey(), phrase.getValue());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not add reason phrases to the runtime''s HTTP layer: {0}",
          e.toString());
    }
  }
}
