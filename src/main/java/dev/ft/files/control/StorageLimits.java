package dev.ft.files.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured maximum file size and per-user quota, in bytes. */
@ApplicationScoped
public class StorageLimits {

  @Inject
  @ConfigProperty(name = "ft.max-file-size")
  long maxFileSize;

  @Inject
  @ConfigProperty(name = "ft.user-quota")
  long userQuota;

  public long maxFileSize() {
    return maxFileSize;
  }

  public long userQuota() {
    return userQuota;
  }

  /** Fails when one file of {@code size} bytes would not fit next to {@code alreadyUsed} bytes. */
  public void check(long size, long alreadyUsed) {
    checkFileSize(size);
    checkQuota(size, alreadyUsed);
  }

  public void checkFileSize(long size) {
    if (size > maxFileSize) {
      throw new LimitExceeded(LimitExceeded.Limit.MAX_FILE_SIZE, maxFileSize);
    }
  }

  /** Fails when {@code growth} more bytes would take the owner past the quota. */
  public void checkQuota(long growth, long alreadyUsed) {
    if (alreadyUsed + growth > userQuota) {
      throw new LimitExceeded(LimitExceeded.Limit.USER_QUOTA, userQuota);
    }
  }
}
