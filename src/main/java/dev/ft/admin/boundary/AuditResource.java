package dev.ft.admin.boundary;

import dev.ft.audit.control.AuditLog;
import dev.ft.platform.DomainException;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The newest audit events, optionally only those by or about one user. */
@Path("admin/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  static final int DEFAULT_LIMIT = 100;

  @Inject AuditLog audit;

  @GET
  public List<AuditEntry> newest(
      @QueryParam("limit") String limit, @QueryParam("user") String user) {
    return audit.newest(parseLimit(limit), user).stream().map(AuditEntry::of).toList();
  }

  private static int parseLimit(String limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= AuditLog.MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw DomainException.invalid("limit must be a whole number from 1 to " + AuditLog.MAX_LIMIT);
  }
}
