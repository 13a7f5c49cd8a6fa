package dev.ft.links.boundary;

import dev.ft.accounts.boundary.AuthorizationHeader;
import dev.ft.files.control.HumanBytes;
import dev.ft.files.http.MultipartReader;
import dev.ft.links.control.DropGrants;
import dev.ft.links.control.Drops;
import dev.ft.links.control.LinkGate;
import dev.ft.links.control.PasswordRequired;
import dev.ft.links.entity.Drop;
import dev.ft.platform.Cookies;
import dev.ft.platform.Csrf;
import dev.ft.platform.DomainException;
import dev.ft.platform.DomainExceptionMapper;
import dev.ft.platform.JsonFactories;
import dev.ft.platform.PageHeaders;
import dev.ft.platform.Problem;
import dev.ft.platform.ProblemHeaders;
import dev.ft.platform.PublicUrl;
import dev.ft.platform.RecipientPaths;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A drop, as the stranger holding it sees it: {@code GET /d/{key}} a page with an upload form (a
 * password form first when it has one), {@code POST /d/{key}} the files (a form, or {@code curl -F
 * file=@…}), {@code POST /d/{key}/unlock} the password form. No script and no session: the password
 * form's CSRF token is a double-submit cookie, and a right password earns a short-lived grant
 * cookie ({@link DropGrants}) that the upload form rides on. The stranger never sees what is in the
 * owner's area, only what they sent. A browser gets pages, anything else JSON.
 */
@WebServlet(RecipientPaths.DROP_PAGES + "*")
public class DropPageServlet extends HttpServlet {
  static final String GRANT_COOKIE = "__Host-ft-drop";
  private static final String UNLOCK = "/unlock";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject Drops drops;
  @Inject LinkGate gate;
  @Inject PublicUrl publicUrl;

  /** What the page shows. */
  public record DropPage(
      String note,
      String expires,
      String filesLeft,
      String bytesLeft,
      String uploadPath,
      String tusPath) {}

  /** One file received, as the page lists it. */
  public record ReceivedRow(String name, String size) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String key = StrangerPages.key(StrangerPages.rest(request));
    Optional<Drop> drop = drops.peek(key, request.getRemoteAddr());
    if (drop.isEmpty()) {
      StrangerPages.gone(request, response);
      return;
    }
    page(request, response, drop.get(), key, null);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String rest = StrangerPages.rest(request);
    boolean unlock = rest.endsWith(UNLOCK);
    String key =
        StrangerPages.key(unlock ? rest.substring(0, rest.length() - UNLOCK.length()) : rest);
    if (!unlock) {
      upload(request, response, key); // admitting the upload looks the drop up
      return;
    }
    Optional<Drop> drop = drops.peek(key, request.getRemoteAddr());
    if (drop.isEmpty()) {
      refuse(request, response, LinkGate.gone());
      return;
    }
    unlock(request, response, drop.get(), key);
  }

  /** The password form: a right password sets the grant and goes back to the page. */
  private void unlock(
      HttpServletRequest request, HttpServletResponse response, Drop drop, String key)
      throws ServletException, IOException {
    if (!Csrf.isValid(request)) {
      response.setStatus(403);
      page(request, response, drop, key, "This form has expired. Enter the password again.");
      return;
    }
    String password = Optional.ofNullable(request.getParameter("password")).orElse("");
    try {
      Drop unlocked = drops.unlock(key, password, request.getRemoteAddr());
      response.addCookie(
          Cookies.strict(
              GRANT_COOKIE,
              DropGrants.issue(unlocked, gate.now()),
              (int) DropGrants.LIFETIME.toSeconds()));
      response.sendRedirect(publicUrl.of(request, RecipientPaths.DROP_PAGES + key));
    } catch (DomainException e) {
      response.setStatus(DomainExceptionMapper.statusOf(e.kind()) == 429 ? 429 : 401);
      if (e instanceof ProblemHeaders extra) {
        extra.problemHeaders().forEach(response::setHeader);
      }
      page(
          request,
          response,
          drop,
          key,
          e.kind() == DomainException.Kind.TOO_MANY_ATTEMPTS
              ? e.getMessage() + ". Try again later."
              : "That password is not right.");
    }
  }

  private void upload(HttpServletRequest request, HttpServletResponse response, String key)
      throws ServletException, IOException {
    try {
      Drop allowed = mayUpload(request, key);
      List<Drops.Received> received =
          drops.receive(
              allowed, MultipartReader.of(request.getContentType(), request.getInputStream()));
      response.setStatus(201);
      if (wantsPage(request)) {
        request.setAttribute(
            "received",
            received.stream()
                .map(r -> new ReceivedRow(r.name(), HumanBytes.format(r.size())))
                .toList());
        request.setAttribute("again", request.getContextPath() + RecipientPaths.DROP_PAGES + key);
        StrangerPages.render(request, response, "drop-received");
        return;
      }
      JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
      received.forEach(
          r ->
              list.add(
                  JsonFactories.BUILDERS
                      .createObjectBuilder()
                      .add("name", r.name())
                      .add("size", r.size())
                      .add("sha256", r.sha256())));
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(list.build().toString());
    } catch (DomainException e) {
      refuse(request, response, e);
    }
  }

  private Drop mayUpload(HttpServletRequest request, String key) {
    String password =
        AuthorizationHeader.basicPassword(request.getHeader("Authorization")).orElse(null);
    return drops.admit(key, request.getRemoteAddr(), grantOf(request), password);
  }

  private static String grantOf(HttpServletRequest request) {
    return Cookies.valueOf(request, GRANT_COOKIE).orElse(null);
  }

  private void page(
      HttpServletRequest request, HttpServletResponse response, Drop drop, String key, String error)
      throws ServletException, IOException {
    boolean locked = drop.hasPassword() && !DropGrants.isValid(grantOf(request), drop, gate.now());
    String path = request.getContextPath() + RecipientPaths.DROP_PAGES + key;
    request.setAttribute(
        "drop",
        new DropPage(
            drop.note(),
            WHEN.format(drop.expiresAt()),
            drop.filesLeft().isPresent() ? Long.toString(drop.filesLeft().getAsLong()) : null,
            drop.bytesLeft().isPresent() ? HumanBytes.format(drop.bytesLeft().getAsLong()) : null,
            path,
            request.getContextPath() + RecipientPaths.DROP_API + key + "/uploads"));
    request.setAttribute("locked", locked);
    request.setAttribute("error", error);
    if (locked) {
      request.setAttribute(Csrf.FIELD, Csrf.tokenFor(request, response));
    }
    StrangerPages.render(request, response, "drop", PageHeaders.CSP_WITH_SCRIPTS);
  }

  /** A refusal: the page again (or the 404 page) for a browser, a problem document otherwise. */
  private void refuse(HttpServletRequest request, HttpServletResponse response, DomainException e)
      throws ServletException, IOException {
    int status = DomainExceptionMapper.statusOf(e.kind());
    response.setStatus(status);
    if (e instanceof ProblemHeaders extra) {
      extra.problemHeaders().forEach(response::setHeader);
    }
    if (wantsPage(request)) {
      if (status == 404) {
        StrangerPages.gone(request, response);
      } else {
        request.setAttribute("message", e.getMessage());
        request.setAttribute(
            "again", request.getContextPath() + request.getServletPath() + request.getPathInfo());
        StrangerPages.render(request, response, "drop-refused");
      }
      return;
    }
    if (e instanceof PasswordRequired && response.getHeader("WWW-Authenticate") == null) {
      response.setHeader("WWW-Authenticate", PasswordRequired.CHALLENGE);
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(new Problem(status, e.title(), e.getMessage()).toJson());
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
