package dev.ft.files.boundary;

import dev.ft.files.control.ResumableUploads;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Every user's unfinished resumable uploads, for admins. */
@Path("admin/uploads")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUploadsResource {

  @Inject ResumableUploads uploads;

  @GET
  public List<UploadView> all() {
    return UploadView.of(uploads.allOpen());
  }
}
