package dev.ft.platform;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;

/** The two groups the identity stores hand out, mapped one-to-one onto roles. */
public final class Roles {
  public static final String USER = "user";
  public static final String ADMIN = "admin";

  private Roles() {}

  /**
   * The caller's name, when the caller holds one of the roles: 401 without credentials, 403 without
   * the role. For sub-resource locators, which {@code @RolesAllowed} does not guard: the runtime
   * checks the roles of the method that finally answers, on the sub-resource's class, and only
   * after the locator has run.
   */
  public static String require(SecurityContext security, String... roles) {
    if (security.getUserPrincipal() == null) {
      throw new NotAuthorizedException(Challenge.HEADER_VALUE);
    }
    if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
      throw new ForbiddenException();
    }
    return security.getUserPrincipal().getName();
  }
}
