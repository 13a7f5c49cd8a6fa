package dev.ft.links.boundary;

import dev.ft.accounts.control.Accounts;
import dev.ft.links.control.ShareLinks;
import dev.ft.platform.DomainException;
import dev.ft.platform.PublicUrl;
import dev.ft.platform.RecipientPaths;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;

/** The caller's share links: make one for a file, list them, revoke one. */
@Path("links")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LinksResource {

  @Inject ShareLinks links;
  @Inject Accounts accounts;
  @Inject PublicUrl publicUrl;
  @Inject Clock clock;
  @Context SecurityContext security;
  @Context UriInfo uri;

  /** A link to one of my files; an admin may name another owner. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewLink body) {
    if (body == null) {
      throw DomainException.invalid(NewLink.SHAPE);
    }
    String owner = Creators.owner(security, body.owner());
    ShareLinks.Created created =
        links.create(me(), owner, body.file(), body.terms(clock), body.maxDownloads());
    String url = Creators.pageUrl(publicUrl, uri, RecipientPaths.LINK_PAGES, created.key());
    return Response.created(uri.getAbsolutePathBuilder().path(created.link().id()).build())
        .entity(LinkView.of(created.link(), url))
        .build();
  }

  @GET
  public List<LinkView> mine() {
    return LinkView.of(links.ofOwner(accounts.require(me())));
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id) {
    links.revoke(me(), me(), id);
    return Response.noContent().build();
  }

  private String me() {
    return security.getUserPrincipal().getName();
  }
}
