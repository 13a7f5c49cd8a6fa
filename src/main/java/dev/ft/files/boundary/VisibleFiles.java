package dev.ft.files.boundary;

import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The files of one owner that others may read: shared and public ones at {@code /shared/{owner}}
 * for any logged-in user, public ones at {@code /public/{owner}} for anyone. Downloads only.
 */
public class VisibleFiles {
  private final String actor;
  private final String owner;
  private final FileCatalog.Access access;
  private final Downloads downloads;

  VisibleFiles(String actor, String owner, FileCatalog.Access access, Downloads downloads) {
    this.actor = actor;
    this.owner = owner;
    this.access = access;
    this.downloads = downloads;
  }

  @GET
  @Path("{name}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("name") String name, @Context HttpServletRequest request) {
    return DownloadResponses.open(downloads, actor, owner, name, access, request);
  }
}
