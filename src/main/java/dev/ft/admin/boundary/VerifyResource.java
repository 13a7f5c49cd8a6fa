package dev.ft.admin.boundary;

import dev.ft.files.control.ConsistencyCheck;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * An addition to the API contract: the consistency check, {@code GET /api/v1/admin/verify} ({@code
 * ?deep=true} re-hashes every file). Always 200; the report says whether all is well.
 */
@Path("admin/verify")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

  @Inject ConsistencyCheck check;

  @GET
  public ConsistencyCheck.Report verify(@QueryParam("deep") boolean deep) {
    return check.run(deep);
  }
}
