package dev.ft.client;

/** The nodes keep the bytes in s3proxy's bucket. */
class S3ThroughTheBalancerIT extends ThroughTheBalancerIT {
  S3ThroughTheBalancerIT() {
    super("s3");
  }
}
