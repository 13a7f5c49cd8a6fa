package dev.ft.faults;

import java.nio.file.Path;
import java.util.Map;

/** The cluster on S3: one bucket in s3proxy. */
class S3ClusterIT extends ClusterIT {
  private static final int S3_PORT = 18980;
  private static final String BUCKET = "ft-cluster";

  private S3ProxyProcess s3;

  @Override
  Map<String, String> startStore(Path dir) throws Exception {
    s3 = new S3ProxyProcess(dir, S3_PORT, BUCKET).start();
    return s3.storeSettings(BUCKET);
  }

  @Override
  void stopStore() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  /** Multipart uploads begun and neither completed nor aborted. */
  @Override
  int unfinishedUploads() {
    return s3.unfinishedUploads(BUCKET);
  }
}
