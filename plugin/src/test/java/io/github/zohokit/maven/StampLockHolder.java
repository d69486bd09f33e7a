package io.github.zohokit.maven;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another build, in another process, generating into the same directory: holds the stamp's lock (its path the
 * argument) from printing {@code locked} until its standard input ends.
 */
final class StampLockHolder {
  private StampLockHolder() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      channel.lock();
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the end of the input
      }
    }
  }
}
