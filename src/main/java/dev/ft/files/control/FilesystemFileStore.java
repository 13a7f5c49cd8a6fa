package dev.ft.files.control;

import dev.ft.platform.DataFolder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Blobs as files under the storage folder ({@code ft.storage-dir}, by default the data folder):
 * {@code files/<owner>/<uuid>} for stored ones and {@code tmp/<uuid>.part} for pending ones, on the
 * same filesystem so promotion is an atomic rename.
 */
@ApplicationScoped
public class FilesystemFileStore implements FileStore {
  private static final Logger LOG = Logger.getLogger(FilesystemFileStore.class.getName());
  private static final Pattern OWNER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}/[0-9a-f-]{36}");

  private static final Pattern PART_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  private Path files;
  private Path pending;
  private Path parts;

  @PostConstruct
  void init() {
    var config = ConfigProvider.getConfig(FilesystemFileStore.class.getClassLoader());
    Path root =
        config
            .getOptionalValue("ft.storage-dir", String.class)
            .filter(s -> !s.isBlank())
            .map(dir -> Path.of(dir).toAbsolutePath().normalize())
            .orElseGet(() -> DataFolder.from(config));
    files = root.resolve("files");
    pending = root.resolve("tmp");
    parts = root.resolve("uploads");
    try {
      Files.createDirectories(files);
      Files.createDirectories(pending);
      Files.createDirectories(parts);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the storage folders under " + root, e);
    }
  }

  @Override
  public PendingBlob create(String owner) throws IOException {
    Path path = pending.resolve(UUID.randomUUID() + ".part");
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new PendingFile(path, channel);
  }

  @Override
  public ResumablePart part(String id) throws IOException {
    Path path = partPath(id);
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new PartFile(path, channel);
  }

  @Override
  public void deletePart(String id) {
    try {
      Files.deleteIfExists(partPath(id));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete upload part {0}: {1}", new Object[] {id, e});
    }
  }

  @Override
  public Set<String> partIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(parts, "*.part")) {
      for (Path part : all) {
        String name = part.getFileName().toString();
        ids.add(name.substring(0, name.length() - ".part".length()));
      }
    }
    return ids;
  }

  private Path partPath(String id) throws NoSuchFileException {
    if (id == null || !PART_ID.matcher(id).matches()) {
      throw new NoSuchFileException(String.valueOf(id));
    }
    return parts.resolve(id + ".part");
  }

  @Override
  public String promote(PendingBlob blob, String owner) throws IOException {
    PendingFile file = (PendingFile) blob;
    file.finish(); // the bytes are on disk before the name says they exist
    String key = requireOwner(owner) + "/" + UUID.randomUUID();
    Path target = pathOf(key);
    Files.createDirectories(target.getParent());
    Files.move(file.path, target, StandardCopyOption.ATOMIC_MOVE);
    file.promoted = true;
    syncDirectory(target.getParent()); // and the rename survives a power cut
    return key;
  }

  @Override
  public OpenBlob open(String key) throws IOException {
    FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
    return new OpenBlob() {
      @Override
      public long size() throws IOException {
        return channel.size();
      }

      @Override
      public FileChannel channel() {
        return channel;
      }

      @Override
      public void close() {
        closeQuietly(channel);
      }
    };
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
  public Set<String> keys() throws IOException {
    Set<String> keys = new HashSet<>();
    try (DirectoryStream<Path> owners = Files.newDirectoryStream(files, Files::isDirectory)) {
      for (Path owner : owners) {
        try (DirectoryStream<Path> blobs = Files.newDirectoryStream(owner)) {
          for (Path blob : blobs) {
            keys.add(owner.getFileName() + "/" + blob.getFileName());
          }
        }
      }
    }
    return keys;
  }

  @Override
  public void removePending() throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(pending)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
        LOG.info(() -> "Removed the unfinished upload " + leftover.getFileName());
      }
    }
  }

  @Override
  public long usableSpace() throws IOException {
    return Files.getFileStore(files).getUsableSpace();
  }

  @Override
  public boolean isWritable() {
    return Files.isDirectory(files)
        && Files.isWritable(files)
        && Files.isWritable(pending)
        && Files.isWritable(parts);
  }

  private Path pathOf(String key) throws NoSuchFileException {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new NoSuchFileException(String.valueOf(key));
    }
    return files.resolve(key);
  }

  private static String requireOwner(String owner) {
    if (!OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("Not a storage owner name: " + owner);
    }
    return owner;
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing a blob failed", e);
    }
  }

  private static class PendingFile implements PendingBlob {
    final Path path;
    final FileChannel channel;
    private volatile boolean promoted;
    private volatile boolean discarded;

    PendingFile(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    @Override
    public WritableByteChannel channel() {
      return channel;
    }

    @Override
    public void finish() throws IOException {
      if (channel.isOpen()) {
        channel.force(false);
        channel.close();
      }
    }

    @Override
    public void discard() {
      if (promoted || discarded) {
        return;
      }
      discarded = true;
      closeQuietly(channel);
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Could not remove the unfinished upload {0}: {1}",
            new Object[] {path, e});
      }
    }
  }

  /** A part kept in {@code uploads/}, out of reach of the start-up clean-up of {@code tmp/}. */
  private static final class PartFile extends PendingFile implements ResumablePart {
    PartFile(Path path, FileChannel channel) {
      super(path, channel);
    }

    @Override
    public void resumeAt(long offset) throws IOException {
      if (channel.size() < offset) { // never: the offset moves only once the bytes are on disk
        throw new IOException(
            "the upload part "
                + path.getFileName()
                + " holds fewer bytes than its offset "
                + offset);
      }
      if (channel.size() > offset) {
        channel.truncate(offset);
      }
      channel.position(offset);
    }

    @Override
    public void force() throws IOException {
      channel.force(false);
    }

    @Override
    public InputStream read() throws IOException {
      return Files.newInputStream(path);
    }

    /** Closing a part keeps its bytes for the next piece; only {@link #discard} removes them. */
    @Override
    public void close() {
      closeQuietly(channel);
    }
  }
}
