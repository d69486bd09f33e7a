package io.github.zohokit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;

/**
 * The file-system calls {@link FileTokenStore} makes to replace its file, one method per step: create the
 * temporary file, open it, write, flush to disk ({@code force}), close, move it over the file. A seam for tests
 * that record the calls or crash at one of them; {@link #REAL} is the file system.
 */
interface ReplaceSteps {
  ReplaceSteps REAL = new ReplaceSteps() { };

  default Path createTemp(Path dir, String prefix, String suffix, FileAttribute<?>... attributes) throws IOException {
    return Files.createTempFile(dir, prefix, suffix, attributes);
  }

  default FileChannel open(Path path, OpenOption... options) throws IOException {
    return FileChannel.open(path, options);
  }

  /** Writes some of {@code buffer}; the caller repeats until it is empty. */
  default int write(FileChannel channel, ByteBuffer buffer) throws IOException {
    return channel.write(buffer);
  }

  default void force(FileChannel channel) throws IOException {
    channel.force(true);
  }

  default void close(FileChannel channel) throws IOException {
    channel.close();
  }

  default void move(Path source, Path target, CopyOption... options) throws IOException {
    Files.move(source, target, options);
  }
}
