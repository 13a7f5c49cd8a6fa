package dev.ft.files.storage;

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
      var health =
          HealthCheckResponse.named("storage")
              .status(store.isWritable())
              .withData("store", store.kind());
      store.freeSpace().ifPresent(free -> health.withData("freeBytes", free));
      return health.build();
    } catch (IOException e) {
      return HealthCheckResponse.named("storage").down().withData("error", e.getMessage()).build();
    }
  }
}
