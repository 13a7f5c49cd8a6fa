package dev.ft.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * With a public URL configured, the API sees its requests as addressed to it, so every URL built
 * from the request ({@code Location} of a created file or account) carries the public address, not
 * whatever the Host header said.
 */
@Provider
@PreMatching
public class PublicUrlFilter implements ContainerRequestFilter {

  @Inject PublicUrl publicUrl;

  @Override
  public void filter(ContainerRequestContext request) {
    publicUrl
        .base()
        .ifPresent(
            base -> {
              URI requestUri = request.getUriInfo().getRequestUri();
              String query = requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery();
              request.setRequestUri(
                  URI.create(base + request.getUriInfo().getBaseUri().getRawPath()),
                  URI.create(base + requestUri.getRawPath() + query));
            });
  }
}
