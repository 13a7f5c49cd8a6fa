package dev.ft.accounts.boundary;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.control.Logins;
import dev.ft.accounts.control.Registrations;
import dev.ft.accounts.control.Tokens;
import dev.ft.accounts.entity.Account;
import dev.ft.platform.DomainException;
import dev.ft.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** Registration, login, logout and "who am I". */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject Accounts accounts;
  @Inject Logins logins;
  @Inject Registrations registrations;
  @Inject Tokens tokens;

  @POST
  @Path("register")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      Credentials body, @Context UriInfo uri, @Context HttpServletRequest request) {
    Credentials credentials = Credentials.require(body);
    Account account =
        registrations.register(
            credentials.username(), credentials.password(), request.getRemoteAddr());
    return Response.created(uri.getBaseUriBuilder().path("auth/me").build())
        .entity(AccountView.of(account))
        .build();
  }

  @POST
  @Path("login")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response login(Credentials body, @Context HttpServletRequest request) {
    Credentials credentials = Credentials.require(body);
    var caller =
        logins
            .check(credentials.username(), credentials.password(), request.getRemoteAddr())
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainException.Kind.NOT_AUTHENTICATED,
                        "Invalid credentials",
                        "The username or password is wrong."));
    Account account = accounts.require(caller.getCallerPrincipal().getName());
    Tokens.IssuedToken token = tokens.issue(account);
    // A bearer token is a secret: no cache may keep the answer that carries it (RFC 6749, 5.1).
    return Response.ok(
            new LoginView(
                token.token(), token.expiresAt(), account.username(), account.role().wireName()))
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  @POST
  @Path("logout")
  @RolesAllowed({Roles.USER, Roles.ADMIN})
  public Response logout(@HeaderParam("Authorization") String authorization) {
    if (authorization != null
        && AuthorizationHeader.parse(authorization).orElse(null)
            instanceof AuthorizationHeader.Bearer bearer) {
      tokens.revoke(bearer.token());
    }
    return Response.noContent().build();
  }

  /**
   * The caller's own password. The current one is checked like a login (and throttled like one); a
   * wrong one is a 403, not a 401, because the caller's token is still good until this succeeds.
   */
  @POST
  @Path("password")
  @RolesAllowed({Roles.USER, Roles.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(
      PasswordChange body, @Context SecurityContext security, @Context HttpServletRequest request) {
    PasswordChange change = PasswordChange.require(body);
    String username = security.getUserPrincipal().getName();
    if (logins.check(username, change.currentPassword(), request.getRemoteAddr()).isEmpty()) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "Wrong password",
          "The current password is wrong; nothing was changed.");
    }
    accounts.changePassword(username, change.newPassword());
    return Response.noContent().build();
  }

  @GET
  @Path("me")
  @RolesAllowed({Roles.USER, Roles.ADMIN})
  public AccountView me(@Context SecurityContext security) {
    return AccountView.of(accounts.require(security.getUserPrincipal().getName()));
  }
}
