package dev.ft.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api/v1}; resources and providers are found by scanning. */
@ApplicationPath("/api/v1")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class RestApplication extends Application {}
