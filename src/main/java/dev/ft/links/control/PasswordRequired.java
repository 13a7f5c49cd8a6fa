package dev.ft.links.control;

import dev.ft.platform.DomainException;
import dev.ft.platform.ProblemHeaders;
import java.util.Map;

/** A link with a password, asked without one: HTTP Basic carries it (any username). */
public class PasswordRequired extends DomainException implements ProblemHeaders {
  public static final String CHALLENGE = "Basic realm=\"ft link\", charset=\"UTF-8\"";

  public PasswordRequired() {
    super(
        Kind.NOT_AUTHENTICATED,
        "Password required",
        "This link has a password: send it with HTTP Basic (any username), e.g. curl -u"
            + " :PASSWORD.");
  }

  @Override
  public Map<String, String> problemHeaders() {
    return Map.of("WWW-Authenticate", CHALLENGE);
  }
}
