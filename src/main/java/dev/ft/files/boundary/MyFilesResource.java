package dev.ft.files.boundary;

import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.control.Uploads;
import dev.ft.platform.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** The caller's own files, for users and admins. */
@Path("files")
public class MyFilesResource {

  @Inject FileCatalog catalog;
  @Inject Uploads uploads;
  @Inject Downloads downloads;
  @Context SecurityContext security;

  @Path("")
  public OwnerFiles mine() {
    String me = Roles.require(security, Roles.USER, Roles.ADMIN);
    return new OwnerFiles(me, me, catalog, uploads, downloads);
  }
}
