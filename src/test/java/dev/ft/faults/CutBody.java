package dev.ft.faults;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
  private final CountDownLatch paused = new CountDownLatch(1);
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

  /**
   * Sends {@code content} up to {@code pauseAt}; then, until {@code resume}, one byte a second, as
   * a slow client would (a body that stops for 30 s is closed by the server); then the rest.
   */
  static CutBody pausing(byte[] content, int pauseAt, CountDownLatch resume) {
    return new CutBody(content, 0, pauseAt, resume, true);
  }

  /** Breaks off as soon as {@code cutAt} is reached. */
  CutBody(byte[] content, int from, int cutAt) {
    this(content, from, cutAt, AT_ONCE);
  }

  /** True once every byte before the pause (or the cut) is sent. */
  boolean reachedPause() {
    return paused.getCount() == 0;
  }

  private boolean released(Duration within) {
    try {
      return release.await(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public int read() {
    throw new UnsupportedOperationException();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (sent >= cutAt) {
      paused.countDown();
    }
    if (resumes && sent >= cutAt && sent < content.length - 1 && !released(Duration.ofSeconds(1))) {
      b[off] = content[sent++];
      return 1;
    }
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
