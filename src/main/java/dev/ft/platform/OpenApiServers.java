package dev.ft.platform;

import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The served API description ({@code META-INF/openapi.yaml}, on {@code /openapi}) names {@code
 * FT_PUBLIC_URL} as its server when one is configured, so clients generated from it call the
 * address people use, not the one the runtime sees; without it the runtime names itself.
 */
public class OpenApiServers implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    ConfigProvider.getConfig()
        .getOptionalValue("ft.public-url", String.class)
        .map(String::strip)
        .filter(url -> !url.isEmpty())
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .ifPresent(
            url ->
                openAPI.setServers(
                    List.of(OASFactory.createServer().url(url).description("This server"))));
  }
}
