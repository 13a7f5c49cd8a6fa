package dev.ft.files.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Blobs as files under the storage folder: {@code files/<owner>/<uuid>} for stored ones, {@code
 * tmp/<uuid>.part} for pending ones and {@code uploads/<id>.part} for resumable uploads' parts, all
 * on one filesystem so promotion is an atomic rename.
 */
public class FilesystemFileStore implements FileStore {
  private static final Logger LOG = Logger.getLogger(FilesystemFileStore.class.getName());

  private static final String PENDING_SUFFIX = ".part";

  private final Path files;
  private final Path pending;
  private final PartFolder parts;
  private final UploadWriters writers;

  /** {@code writers} know who writes each pending file when other nodes share the folder. */
  FilesystemFileStore(Path root, UploadWriters writers) {
    this.writers = writers;
    files = root.resolve("files");
    pending = root.resolve("tmp");
    try {
      Files.createDirectories(files);
      Files.createDirectories(pending);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the storage folders under " + root, e);
    }
    parts = new PartFolder(root.resolve("uploads"));
  }

  @Override
  public PendingBlob create(String owner) throws IOException {
    String id = UUID.randomUUID().toString();
    Path path = pending.resolve(id + PENDING_SUFFIX);
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    writers.began(id);
    return new PendingFile(path, channel, () -> writers.ended(id));
  }

  @Override
  public ResumablePart part(String id) throws IOException {
    return parts.open(id);
  }

  @Override
  public void deletePart(String id) {
    parts.delete(id);
  }

  @Override
  public Set<String> partIds() throws IOException {
    return parts.ids();
  }

  @Override
  public String promote(PendingBlob blob, String owner) throws IOException {
    PendingFile file = (PendingFile) blob;
    file.finish(); // the bytes are on disk before the name says they exist
    String key = BlobKeys.fresh(owner);
    Path target = pathOf(key);
    Files.createDirectories(target.getParent());
    Files.move(file.path, target, StandardCopyOption.ATOMIC_MOVE);
    file.promoted();
    PendingFile.syncDirectory(target.getParent()); // and the rename survives a power cut
    return key;
  }

  @Override
  public long size(String key) throws IOException {
    return Files.size(pathOf(key));
  }

  @Override
  public InputStream read(String key, long first, long length) throws IOException {
    return new FileRangeStream(
        FileChannel.open(pathOf(key), StandardOpenOption.READ), first, length);
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(pathOf(key));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete blob {0}: {1}", new Object[] {key, e});
    }
  }

  @Override
  public Set<String> keysWrittenBefore(Instant before) throws IOException {
    Set<String> keys = new HashSet<>();
    try (DirectoryStream<Path> owners = Files.newDirectoryStream(files, Files::isDirectory)) {
      for (Path owner : owners) {
        try (DirectoryStream<Path> blobs = Files.newDirectoryStream(owner)) {
          for (Path blob : blobs) {
            if (writtenBefore(blob, before)) {
              keys.add(owner.getFileName() + "/" + blob.getFileName());
            }
          }
        }
      }
    }
    return keys;
  }

  @Override
  public void removePending(Instant before) throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(pending)) {
      for (Path leftover : leftovers) {
        String id = leftover.getFileName().toString().replace(PENDING_SUFFIX, "");
        if (writtenBefore(leftover, before) || writers.writerIsGone(id)) {
          Files.deleteIfExists(leftover);
          writers.ended(id);
          LOG.info(() -> "Removed the unfinished upload " + leftover.getFileName());
        }
      }
    }
  }

  private static boolean writtenBefore(Path file, Instant before) throws IOException {
    if (before.equals(Instant.MAX)) {
      return true; // every file is: no need to ask the disk
    }
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(before);
    } catch (NoSuchFileException e) {
      return false; // gone meanwhile
    }
  }

  @Override
  public OptionalLong freeSpace() throws IOException {
    return OptionalLong.of(Files.getFileStore(files).getUsableSpace());
  }

  @Override
  public boolean isWritable() {
    return Files.isDirectory(files)
        && Files.isWritable(files)
        && Files.isWritable(pending)
        && parts.isWritable();
  }

  @Override
  public String kind() {
    return "filesystem";
  }

  private Path pathOf(String key) throws NoSuchFileException {
    return files.resolve(BlobKeys.require(key));
  }
}
