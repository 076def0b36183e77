package io.gradgen.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Replaces a file atomically: the bytes go to a temporary file beside it, locked while it is
 * written and forced to disk, which is then renamed over the target. The next save of the same
 * file removes the temporaries that killed saves left behind.
 */
final class AtomicWrite {
  private AtomicWrite() {}

  /** Temporary file in the same directory, written, forced to disk, then renamed over the target. */
  static void write(Path file, byte[] bytes, WeightFile.ChannelWriter writer) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (directory == null || target.getFileName() == null || Files.isDirectory(target)) {
      throw new FileSystemException(file.toString(), null,
          "is a directory; save to a file in it, e.g. " + file.resolve("model.ggw"));
    }
    removeStaleTemporaries(directory, target.getFileName().toString());
    // Not Files.createTempFile: its owner-only permissions would stay on the renamed file; a file
    // created normally gets the usual permissions (the umask's).
    Path temporary =
        directory.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        // Locked while it is written, so another save never takes it for a killed save's leftover.
        try (FileLock lock = channel.lock()) {
          writer.write(channel, ByteBuffer.wrap(bytes));
          channel.force(true);
        }
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      forceDirectory(directory);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Temporaries of a save killed mid-way (kill -9, power loss) older than this are removed. */
  static final Duration STALE = Duration.ofSeconds(10);

  /**
   * Removes what saves of {@code name} that were killed before their rename left behind: the
   * temporaries no live save holds locked and that are older than {@link #STALE} (a save
   * creates its temporary and locks it at once; the age covers the moment in between). Best
   * effort: a temporary that cannot be removed is left for the next save.
   */
  static void removeStaleTemporaries(Path directory, String name) {
    Pattern temporaries = Pattern.compile(Pattern.quote("." + name + ".") + "[0-9a-f]+\\.tmp");
    Instant old = Instant.now().minus(STALE);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
        entry -> temporaries.matcher(entry.getFileName().toString()).matches())) {
      for (Path temporary : entries) {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
          FileLock lock = channel.tryLock();
          if (lock != null) {
            try {
              if (Files.getLastModifiedTime(temporary).toInstant().isBefore(old)) {
                Files.deleteIfExists(temporary);
              }
            } finally {
              lock.release();
            }
          }
        } catch (IOException | OverlappingFileLockException e) {
          // Held by a save running in this JVM, or gone already: not stale.
        }
      }
    } catch (IOException e) {
      // The directory cannot be listed: the save itself will report what is wrong.
    }
  }

  /** Makes the rename durable where the platform allows syncing a directory (Linux does). */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on this platform (e.g. Windows): the rename itself is still atomic.
    }
  }
}
