package dev.ft.faults;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A request body from a client that stops mid-way: it sends {@code content} from {@code from} up to
 * {@code cutAt}, then waits until {@code release} is counted down and fails, so the request breaks
 * off; or, {@link #pausing}, sends the rest then.
 */
final class CutBody extends InputStream {
  private static final CountDownLatch AT_ONCE = new CountDownLatch(0);

  private final byte[] content;
  private final CountDownLatch release;
  private final boolean resumes;
  private int cutAt;
  private int sent;

  CutBody(byte[] content, int from, int cutAt, CountDownLatch release) {
    this(content, from, cutAt, release, false);
  }

  private CutBody(byte[] content, int from, int cutAt, CountDownLatch release, boolean resumes) {
    this.content = content;
    this.sent = from;
    this.cutAt = cutAt;
    this.release = release;
    this.resumes = resumes;
  }

  /** Sends {@code content} up to {@code pauseAt}, waits for {@code resume}, then sends the rest. */
  static CutBody pausing(byte[] content, int pauseAt, CountDownLatch resume) {
    return new CutBody(content, 0, pauseAt, resume, true);
  }

  /** Breaks off as soon as {@code cutAt} is reached. */
  CutBody(byte[] content, int from, int cutAt) {
    this(content, from, cutAt, AT_ONCE);
  }

  @Override
  public int read() {
    throw new UnsupportedOperationException();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (sent >= cutAt) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!resumes) {
        throw new IOException("the client stops here");
      }
      cutAt = content.length;
      if (sent == cutAt) {
        return -1;
      }
    }
    int n = Math.min(len, cutAt - sent);
    System.arraycopy(content, sent, b, off, n);
    sent += n;
    return n;
  }
}
