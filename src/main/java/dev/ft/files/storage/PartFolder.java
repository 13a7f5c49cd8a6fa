package dev.ft.files.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The parts of resumable uploads as files {@code <id>.part} in one folder, out of reach of the
 * start-up clean-up of pending blobs: a part outlives requests and restarts until its upload ends.
 */
public final class PartFolder {
  private static final Logger LOG = Logger.getLogger(PartFolder.class.getName());
  static final Pattern PART_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  private final Path folder;

  PartFolder(Path folder) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the upload parts' folder " + folder, e);
    }
  }

  public FileStore.ResumablePart open(String id) throws IOException {
    Path path = pathOf(id);
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new PartFile(path, channel);
  }

  public void delete(String id) {
    try {
      Files.deleteIfExists(pathOf(id));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete upload part {0}: {1}", new Object[] {id, e});
    }
  }

  public Set<String> ids() throws IOException {
    Set<String> ids = new HashSet<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "*.part")) {
      for (Path part : all) {
        String name = part.getFileName().toString();
        ids.add(name.substring(0, name.length() - ".part".length()));
      }
    }
    return ids;
  }

  public boolean isWritable() {
    return Files.isDirectory(folder) && Files.isWritable(folder);
  }

  private Path pathOf(String id) throws NoSuchFileException {
    if (id == null || !PART_ID.matcher(id).matches()) {
      throw new NoSuchFileException(String.valueOf(id));
    }
    return folder.resolve(id + ".part");
  }

  /** A part file; closing it keeps its bytes for the next piece, only discarding removes them. */
  static final class PartFile extends PendingFile implements FileStore.ResumablePart {
    PartFile(Path path, FileChannel channel) {
      super(path, channel, () -> {}); // a part is the resumable upload's, kept in the database
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
      writes.force();
    }

    @Override
    public void seal(long length) throws IOException {
      resumeAt(length);
    }

    @Override
    public InputStream read(long length) throws IOException {
      seal(length);
      return new FileRangeStream(FileChannel.open(path, StandardOpenOption.READ), 0, length);
    }

    @Override
    public void close() {
      closeQuietly(channel);
    }
  }
}
