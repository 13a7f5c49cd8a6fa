package dev.ft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ft.platform.DomainException;
import java.io.IOException;
import java.util.Optional;

/**
 * The one way our parsers may turn an input down: a {@link DomainException} of kind INVALID_INPUT,
 * a 400.
 */
public final class Refusals {
  private Refusals() {}

  /** A parse of one fuzz input. */
  @FunctionalInterface
  public interface Parse<T> {
    T run() throws IOException;
  }

  /**
   * What the parse made of the input, or empty when it refused it with a 400; anything else is a
   * finding.
   */
  public static <T> Optional<T> acceptedOrRefused(Parse<T> parse) throws IOException {
    try {
      return Optional.ofNullable(parse.run());
    } catch (DomainException refused) {
      assertEquals(DomainException.Kind.INVALID_INPUT, refused.kind(), refused.getMessage());
      return Optional.empty();
    }
  }
}
