package dev.ft.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How many admin-page sessions this server holds, against its limit: the one kind of state a
 * request can leave behind, so an operator can see it stay small. Full is still ready: only new
 * sign-ins wait.
 */
@Readiness
@ApplicationScoped
public class SessionsHealthCheck implements HealthCheck {

  @Inject BrowserSessions sessions;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("sessions")
        .up()
        .withData("open", sessions.openSessions())
        .withData("max", sessions.maxSessions())
        .build();
  }
}
