package io.gradgen.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file replacement: the bytes go to a temporary file in the target's directory, which is
 * flushed to disk and renamed over the target, so a reader sees the old file or the new one, never
 * a part.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the bytes into the temporary file's channel. */
  @FunctionalInterface
  interface Writer {
    void write(FileChannel channel, ByteBuffer bytes) throws IOException;
  }

  static void write(Path file, byte[] bytes, Writer writer) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    // Not Files.createTempFile: its owner-only permissions would stay on the renamed file; a file
    // created normally gets the usual permissions (the umask's).
    Path temporary =
        directory.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writer.write(channel, ByteBuffer.wrap(bytes));
        channel.force(true);
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

  /** Makes the rename durable where the platform allows syncing a directory (Linux does). */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on this platform (e.g. Windows): the rename itself is still atomic.
    }
  }
}
