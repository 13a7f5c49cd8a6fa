package dev.ft.files.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while new uploads can be written. */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

  @Inject FileStore store;

  @Override
  public HealthCheckResponse call() {
    try {
      long free = store.usableSpace();
      return HealthCheckResponse.named("storage")
          .status(store.isWritable())
          .withData("freeBytes", free)
          .build();
    } catch (IOException e) {
      return HealthCheckResponse.named("storage").down().withData("error", e.getMessage()).build();
    }
  }
}
