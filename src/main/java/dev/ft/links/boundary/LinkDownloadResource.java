package dev.ft.links.boundary;

import dev.ft.accounts.boundary.AuthorizationHeader;
import dev.ft.files.boundary.DownloadResponses;
import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.entity.StoredFile;
import dev.ft.files.http.RequestConditions;
import dev.ft.links.control.LinkGate;
import dev.ft.links.control.ShareLinks;
import dev.ft.links.entity.ShareLink;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A share link's file, for whoever holds the link: {@code /s/{key}/download} is handed over here. A
 * link's password comes as HTTP Basic (any username), or from the link page's form, which checks it
 * and hands over the link it unlocked.
 */
@Path("s/{key}")
@PermitAll
public class LinkDownloadResource {
  /** The request attribute by which the link page hands over a link its form unlocked. */
  static final String UNLOCKED = "ft.link.unlocked";

  @Inject ShareLinks links;
  @Inject Downloads downloads;
  @Context HttpServletRequest servletRequest;

  @GET
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("key") String key, @Context HttpHeaders headers) {
    String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    String password =
        authorization == null ? null : AuthorizationHeader.basicPassword(authorization).orElse("");
    return send(links.unlock(key, password, servletRequest.getRemoteAddr()));
  }

  /** From the link page's password form, after the page checked it. */
  @POST
  @Produces(MediaType.WILDCARD)
  public Response downloadUnlocked() {
    if (servletRequest.getAttribute(UNLOCKED) instanceof ShareLink link) {
      return send(link);
    }
    throw LinkGate.gone();
  }

  private Response send(ShareLink link) {
    StoredFile file = link.file();
    Downloads.Download download =
        downloads.open(
            "link " + link.id(),
            file.owner().username(),
            file.name(),
            FileCatalog.Access.OWNER,
            RequestConditions.of(servletRequest),
            (opened, range) -> links.admit(link, range.map(r -> r.first() == 0).orElse(true)));
    return DownloadResponses.of(download, FileCatalog.Access.OWNER);
  }
}
