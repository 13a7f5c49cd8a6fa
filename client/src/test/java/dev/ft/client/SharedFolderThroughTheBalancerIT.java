package dev.ft.client;

/** The nodes keep the bytes in one folder that both write to, as an NFS mount would be. */
class SharedFolderThroughTheBalancerIT extends ThroughTheBalancerIT {
  SharedFolderThroughTheBalancerIT() {
    super("shared");
  }
}
