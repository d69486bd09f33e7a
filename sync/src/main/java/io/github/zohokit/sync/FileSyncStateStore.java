package io.github.zohokit.sync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cursors as files in a directory, for syncs running on one host: {@code <key>.json}, replaced atomically (written
 * to a temporary file, forced to disk, renamed), and a lease that is an OS lock on {@code <key>.lock} — released by
 * the OS when the process dies, so a killed worker never blocks the next. The handler's writes and the cursor are
 * not atomic: a crash between them delivers the last batch again (at-least-once).
 */
public final class FileSyncStateStore implements SyncStateStore {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  private final Path directory;

  /**
   * A store in {@code directory}, created when missing.
   *
   * @param directory where the files go, not null
   */
  public FileSyncStateStore(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public Optional<SyncCursor> load(String key) {
    Path file = file(key, ".json");
    try {
      return Optional.of(SyncCursor.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SyncException("cannot read the sync cursor " + file + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public Optional<SyncLease> tryLease(String key, Duration ttl) {
    Path file = file(key, ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this JVM
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      FileChannel held = channel;
      FileLock acquired = lock;
      return Optional.of(new SyncLease() {
        @Override
        public String key() {
          return key;
        }

        @Override
        public void close() {
          try {
            acquired.release();
            held.close();
          } catch (IOException ignored) {
            // the OS drops the lock with the file handle
          }
        }
      });
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new SyncException("cannot lock " + file + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public void commit(SyncLease lease, SyncCursor cursor, SyncBatch batch, SyncHandler handler) {
    Handlers.apply(handler, batch);
    Path file = file(lease.key(), ".json");
    Path temp = file(lease.key(), ".json.tmp");
    try {
      Files.createDirectories(directory);
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(ByteBuffer.wrap(cursor.toJson().getBytes(StandardCharsets.UTF_8)));
        out.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new SyncException("cannot save the sync cursor " + file + ": " + e.getMessage() + ". The last batch "
          + "comes again on the next run", null, e);
    }
  }

  private Path file(String key, String suffix) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("a sync key for files is 1 to 100 letters, digits, '_', '.' or '-': " + key);
    }
    return directory.resolve(key + suffix);
  }

  @Override
  public String toString() {
    return "FileSyncStateStore{" + directory + "}";
  }
}
