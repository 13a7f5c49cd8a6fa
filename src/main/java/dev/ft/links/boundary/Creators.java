package dev.ft.links.boundary;

import dev.ft.platform.DomainException;
import dev.ft.platform.PublicUrl;
import dev.ft.platform.Roles;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** What making a link or a drop asks of its caller, and the absolute URL it hands back. */
final class Creators {
  private Creators() {}

  /** The owner asked for, or the caller; only an admin may name someone else. */
  static String owner(SecurityContext security, String asked) {
    String me = security.getUserPrincipal().getName();
    String owner = asked == null ? me : asked;
    if (!owner.equals(me) && !security.isUserInRole(Roles.ADMIN)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "Forbidden",
          "only an admin may make a link or drop for another user");
    }
    return owner;
  }

  /**
   * The stranger's page, absolute: under FT_PUBLIC_URL, else under the address this request was
   * sent to.
   */
  static String pageUrl(PublicUrl publicUrl, UriInfo uri, String pagePrefix, String key) {
    String path = pagePrefix + key;
    return publicUrl
        .base()
        .map(base -> base + path)
        .orElseGet(() -> uri.getBaseUri().resolve("../.." + path).toString()); // from /api/v1/
  }
}
