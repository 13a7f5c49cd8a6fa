package dev.ft.files.control;

import dev.ft.platform.Housekeeping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes unfinished resumable uploads once they expire ({@code ft.upload-expiry}), with their
 * bytes and the space they reserved: at start-up and then every ten minutes, or more often when the
 * expiry itself is shorter.
 */
@ApplicationScoped
public class UploadExpiry {

  @Inject
  @ConfigProperty(name = "ft.upload-expiry")
  Duration expiry;

  @Inject Housekeeping housekeeping;
  @Inject ResumableUploads uploads;

  public void start() {
    housekeeping.schedule(
        expiry, Duration.ofMinutes(10), "expired unfinished uploads", uploads::removeExpired);
  }
}
