package dev.ft.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The REST API lives under {@code /api/v1}; resources and providers are found by scanning. The
 * runtime's generated WADL is off: it named the runtime's version to anyone, and the API is
 * described by {@code /openapi}.
 */
@ApplicationPath("/api/v1")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class RestApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
