package dev.ft.accounts.boundary;

import dev.ft.accounts.control.BearerCredential;
import dev.ft.accounts.control.Logins;
import dev.ft.accounts.control.TooManyAttempts;
import dev.ft.monitoring.control.AnsweredRequests;
import dev.ft.platform.Challenge;
import dev.ft.platform.Failures;
import dev.ft.platform.Problem;
import dev.ft.platform.PublicUrl;
import dev.ft.platform.RecipientPaths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The application's one authentication mechanism: {@code Authorization: Bearer <token>} or HTTP
 * Basic, both checked by the identity stores, and the admin page's signed-in session ({@link
 * BrowserSessions}). Requests without credentials pass through as anonymous; the resources' role
 * declarations decide whether anonymous is enough. Wrong credentials are refused here, with a
 * problem document, whatever the resource. On a share link's paths ({@link RecipientPaths}) the
 * header carries the link's password, so it is left to the link.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

  @Inject IdentityStoreHandler identityStores;
  @Inject Logins logins;
  @Inject BrowserSessions sessions;
  @Inject PublicUrl publicUrl;
  @Inject AnsweredRequests answered;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    long start = System.nanoTime();
    String authorization = request.getHeader("Authorization");
    if (authorization == null
        || authorization.isBlank()
        || sessions.isPage(request)
        || RecipientPaths.matches(request)) {
      return fromSession(request, context);
    }
    try {
      Optional<CredentialValidationResult> caller =
          authenticate(authorization, request.getRemoteAddr());
      if (caller.isPresent()) {
        return context.notifyContainerAboutLogin(caller.get());
      }
      return refuse(
          request,
          response,
          start,
          new Problem(
              401,
              "Invalid credentials",
              "The token is unknown, expired or revoked, or the username or password is wrong."));
    } catch (TooManyAttempts e) {
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      return refuse(request, response, start, new Problem(429, e.title(), e.getMessage()));
    } catch (RuntimeException e) {
      if (Failures.isDatabaseDown(e)) {
        response.setHeader(
            "Retry-After", Integer.toString(Failures.DATABASE_DOWN_RETRY_AFTER_SECONDS));
        return refuse(request, response, start, Failures.DATABASE_DOWN);
      }
      throw e;
    }
  }

  /**
   * No credentials in the request: a signed-in browser, or anonymous. Resources that need a role
   * answer 401 themselves; writing a response here would also break @PermitAll resources, for which
   * the runtime calls this a second time. The admin page sends strangers to its form.
   */
  private AuthenticationStatus fromSession(HttpServletRequest request, HttpMessageContext context) {
    var caller = sessions.caller(request);
    if (caller.isPresent()) {
      return context.notifyContainerAboutLogin(
          caller.get().username(), Set.of(caller.get().role().wireName()));
    }
    if (sessions.isPage(request) && context.isProtected()) {
      return context.redirect(publicUrl.of(request, sessions.signInPath()));
    }
    return context.doNothing();
  }

  private Optional<CredentialValidationResult> authenticate(String authorization, String address) {
    return switch (AuthorizationHeader.parse(authorization).orElse(null)) {
      case AuthorizationHeader.Bearer bearer -> {
        CredentialValidationResult result =
            identityStores.validate(new BearerCredential(bearer.token()));
        yield result.getStatus() == CredentialValidationResult.Status.VALID
            ? Optional.of(result)
            : Optional.empty();
      }
      case AuthorizationHeader.Basic basic ->
          logins.check(basic.username(), basic.password(), address);
      case null -> Optional.empty();
    };
  }

  /** Answers here, before any filter runs, so the request is logged and counted here too. */
  private AuthenticationStatus refuse(
      HttpServletRequest request, HttpServletResponse response, long start, Problem problem) {
    response.setStatus(problem.status());
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", Challenge.HEADER_VALUE);
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    String body = problem.toJson();
    try {
      response.getWriter().write(body);
      response.flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    answered.record(
        request, null, problem.status(), body.getBytes(StandardCharsets.UTF_8).length, start);
    return AuthenticationStatus.SEND_FAILURE;
  }
}
