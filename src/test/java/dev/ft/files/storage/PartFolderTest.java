package dev.ft.files.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFolderTest {
  private static final String ID = "AAAAAAAAAAAAAAAAAAAAAA";

  @TempDir Path folder;

  @Test
  void piecesWrittenWhileEarlierBytesGoToDiskReadBackWhole() throws IOException {
    byte[] upload = new byte[(int) (3 * WriteBehind.STEP + 12345)];
    new Random(7).nextBytes(upload);
    PartFolder parts = new PartFolder(folder);
    int half = upload.length / 2;
    try (FileStore.ResumablePart part = parts.open(ID)) {
      write(part, upload, 0, half);
      part.force();
    }
    try (FileStore.ResumablePart part = parts.open(ID)) {
      part.resumeAt(half);
      write(part, upload, half, upload.length);
      part.force();
      try (InputStream in = part.read(upload.length)) {
        assertArrayEquals(upload, in.readAllBytes());
      }
    }
  }

  @Test
  void aPieceCutOffIsDroppedWhenTheUploadResumesAtTheOffsetHeld() throws IOException {
    byte[] upload = new byte[1000];
    new Random(8).nextBytes(upload);
    PartFolder parts = new PartFolder(folder);
    try (FileStore.ResumablePart part = parts.open(ID)) {
      write(part, upload, 0, 600);
      part.force();
    }
    try (FileStore.ResumablePart part = parts.open(ID)) {
      part.resumeAt(400); // the server acknowledged 400 bytes; 200 more came, never acknowledged
      write(part, upload, 400, 1000);
      part.seal(1000);
      try (InputStream in = part.read(1000)) {
        assertArrayEquals(upload, in.readAllBytes());
      }
    }
  }

  @Test
  void sealingMoreThanWasWrittenFails() throws IOException {
    PartFolder parts = new PartFolder(folder);
    try (FileStore.ResumablePart part = parts.open(ID)) {
      write(part, new byte[100], 0, 100);
      assertThrows(IOException.class, () -> part.seal(101));
    }
  }

  /** Writes {@code bytes[from, to)} in 64 KiB writes, as an upload arrives. */
  private static void write(FileStore.ResumablePart part, byte[] bytes, int from, int to)
      throws IOException {
    for (int at = from; at < to; at += 65536) {
      ByteBuffer buffer = ByteBuffer.wrap(Arrays.copyOfRange(bytes, at, Math.min(to, at + 65536)));
      while (buffer.hasRemaining()) {
        part.channel().write(buffer);
      }
    }
  }
}
