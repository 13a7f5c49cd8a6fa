package dev.ft.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of the server that loses one answer, as a balancer does when the node behind
 * it dies after a request arrived: once armed, and once a given number of bytes went up, the next
 * bytes coming down are dropped and that connection is closed. TLS passes through it untouched; it
 * sees only how many bytes go which way.
 */
final class AnswerCuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int serverPort;
  private final AtomicLong upstream = new AtomicLong();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicInteger cuts = new AtomicInteger();
  private volatile long cutAfter;

  AnswerCuttingProxy(int serverPort) throws IOException {
    this.serverPort = serverPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Loses the first answer that comes once {@code bytes} more have gone up. */
  void loseAnswerAfter(long bytes) {
    cutAfter = upstream.get() + bytes;
    armed.set(true);
  }

  /** How many answers were lost. */
  int cuts() {
    return cuts.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        Thread.ofVirtual().start(() -> relay(client, server, true));
        Thread.ofVirtual().start(() -> relay(server, client, false));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket from, Socket to, boolean up) {
    byte[] buffer = new byte[64 * 1024];
    try (from;
        to;
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (up) {
          upstream.addAndGet(n);
        } else if (upstream.get() >= cutAfter && armed.compareAndSet(true, false)) {
          cuts.incrementAndGet();
          return; // both sockets close, the answer unsent
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // the other direction closed this connection
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
