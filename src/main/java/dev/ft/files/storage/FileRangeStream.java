package dev.ft.files.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A range of an open file as a stream. The channel was opened before the stream was handed out, so
 * a blob deleted meanwhile stays readable to the end, as an open file does.
 */
final class FileRangeStream extends InputStream {
  private final FileChannel channel;
  private long position;
  private long remaining;

  FileRangeStream(FileChannel channel, long first, long length) {
    this.channel = channel;
    this.position = first;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (remaining == 0) {
      return -1;
    }
    int wanted = (int) Math.min(length, remaining);
    int n = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
    if (n < 0) {
      throw new IOException("The stored file is shorter than its metadata says");
    }
    position += n;
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, remaining));
    position += skipped;
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
