package dev.ft.files.entity;

/** What storing a file does with a name its owner already has. */
public enum Collisions {
  /** 409, nothing stored. */
  REFUSE,
  /** The new bytes replace the old under the same name. */
  REPLACE,
  /** The new file is stored beside the old one, as {@code name (2).ext}. */
  KEEP_BOTH
}
