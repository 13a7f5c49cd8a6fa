package dev.ft.files.control;

/** One byte range of a file, inclusive at both ends. */
public record ByteRange(long first, long last) {

  public long length() {
    return last - first + 1;
  }

  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}
