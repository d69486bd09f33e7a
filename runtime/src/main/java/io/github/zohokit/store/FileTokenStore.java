package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Tokens in one JSON file, shared safely by the threads of a process and by several processes.
 *
 * <ul>
 *   <li>Every write is read-modify-write under an exclusive OS lock on a sibling {@code <file>.lock}, so
 *       concurrent writers of different keys lose nothing and writers of the same key are ordered by version.
 *   <li>The new content goes to a temporary file in the same directory, is flushed to disk, and replaces the old
 *       file with an atomic move: a reader, or a crash at any moment, sees the old file or the new one, never a
 *       half-written one.
 *   <li>On POSIX systems the file (and a directory it creates) are readable by the owner only.
 *   <li>A file that is not valid JSON, or not a zohokit token file, is reported with its path and never
 *       overwritten.
 *   <li>Refresh leases are OS locks on one byte of the lock file per key, so the OS releases them when a process
 *       dies. A process keeps one channel on the lock file open while it holds any lock there: closing a channel
 *       drops all of a process's locks on the file.
 * </ul>
 */
final class FileTokenStore implements TokenStore {
  static final String FORMAT = "zohokit-tokens";
  static final int FORMAT_VERSION = 1;
  private static final long LEASE_REGIONS = 1L << 20;
  private static final ConcurrentHashMap<Path, ReentrantLock> WRITE_LOCKS = new ConcurrentHashMap<>();
  private static final Set<String> LEASES_HELD = ConcurrentHashMap.newKeySet();
  /**
   * One channel per lock file in this JVM, open while any write or lease uses it. POSIX record locks belong to the
   * process: closing any channel on the file drops every lock the process holds on it, the leases of other threads
   * included. So no channel on a lock file is closed while another user of it may hold a lock. Guarded by itself.
   */
  private static final Map<Path, LockChannel> LOCK_CHANNELS = new HashMap<>();
  private static final ObjectWriter PRETTY = TokenJson.MAPPER.writerWithDefaultPrettyPrinter();

  private final Path file;
  private final Path lockFile;
  private final Runnable beforeReplace;
  private final TokenCipher cipher;
  /** The sealed records this instance has read and written: refuses a rolled-back or downgraded entry. */
  private final SealWatermarks marks = new SealWatermarks();
  private final ReplaceSteps steps;
  private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  FileTokenStore(Path file) {
    this(file, () -> { });
  }

  /** {@code beforeReplace} runs after the temporary file is written, before it replaces the file (for tests). */
  FileTokenStore(Path file, Runnable beforeReplace) {
    this(file, beforeReplace, null);
  }

  FileTokenStore(Path file, Runnable beforeReplace, TokenCipher cipher) {
    this(file, beforeReplace, cipher, ReplaceSteps.REAL);
  }

  /** {@code steps} makes the file-system calls of a replace (tests record or crash them). */
  FileTokenStore(Path file, Runnable beforeReplace, TokenCipher cipher, ReplaceSteps steps) {
    this.steps = steps;
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.beforeReplace = beforeReplace;
    this.cipher = cipher;
  }

  Path file() {
    return file;
  }

  @Override
  public Optional<StoredToken> load(TokenKey key) {
    return Optional.ofNullable(read().get(key));
  }

  @Override
  public List<TokenKey> keys() {
    return new ArrayList<>(read().keySet());
  }

  @Override
  public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
    return Optional.ofNullable(mutate(tokens -> {
      StoredToken current = tokens.get(key);
      long version = current == null ? 0 : current.version();
      if (version != expectedVersion) {
        return null;
      }
      StoredToken next = new StoredToken(key, token, version + 1);
      tokens.put(key, next);
      return next;
    }));
  }

  @Override
  public boolean delete(TokenKey key) {
    return Boolean.TRUE.equals(mutate(tokens -> tokens.remove(key) != null ? Boolean.TRUE : null));
  }

  @Override
  public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
    long region = 1 + Math.floorMod(key.hashCode(), LEASE_REGIONS);
    String heldId = lockFile + "#" + region;
    if (!LEASES_HELD.add(heldId)) {
      return Optional.empty();
    }
    try {
      createDirectories();
      FileChannel channel = openLockChannel();
      FileLock lock;
      try {
        lock = channel.tryLock(region, 1, false);
      } catch (IOException | OverlappingFileLockException e) {
        closeLockChannel(channel);
        throw e;
      }
      if (lock == null) {
        closeLockChannel(channel);
        LEASES_HELD.remove(heldId);
        return Optional.empty();
      }
      return Optional.of(new RefreshLease() {
        private boolean closed;

        @Override
        public synchronized void close() {
          if (closed) {
            return;
          }
          closed = true;
          try {
            lock.release();
          } catch (IOException ignored) {
            // the channel was closed under us (an interrupt), which released the lock already
          } finally {
            closeLockChannel(channel);
            LEASES_HELD.remove(heldId);
          }
        }
      });
    } catch (IOException | OverlappingFileLockException e) {
      LEASES_HELD.remove(heldId);
      throw new TokenStoreException("cannot lock " + lockFile + " to coordinate a token refresh: " + e.getMessage()
          + "; check that the directory is writable", e);
    }
  }

  private <T> T mutate(Function<Map<TokenKey, StoredToken>, T> change) {
    ReentrantLock local = WRITE_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    local.lock();
    try {
      createDirectories();
      FileChannel channel = openLockChannel();
      try (FileLock ignored = channel.lock(0, 1, false)) {
        Map<TokenKey, StoredToken> tokens = read();
        T result = change.apply(tokens);
        if (result != null) {
          write(tokens);
        }
        return result;
      } finally {
        closeLockChannel(channel);
      }
    } catch (IOException e) {
      throw new TokenStoreException("cannot write token file " + file + ": " + e.getMessage()
          + "; the previous content is unchanged", e);
    } finally {
      local.unlock();
    }
  }

  /** A channel on the lock file being used by a write or a lease. */
  private static final class LockChannel {
    final FileChannel channel;
    int users;

    LockChannel(FileChannel channel) {
      this.channel = channel;
    }
  }

  /** The JVM's channel on the lock file, opened if no one uses it; pair with {@link #closeLockChannel}. */
  private FileChannel openLockChannel() throws IOException {
    synchronized (LOCK_CHANNELS) {
      LockChannel shared = LOCK_CHANNELS.get(lockFile);
      if (shared == null || !shared.channel.isOpen()) {
        shared = new LockChannel(FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        LOCK_CHANNELS.put(lockFile, shared);
      }
      shared.users++;
      return shared.channel;
    }
  }

  /** Done with {@code channel}: the last user closes it. */
  private void closeLockChannel(FileChannel channel) {
    synchronized (LOCK_CHANNELS) {
      LockChannel shared = LOCK_CHANNELS.get(lockFile);
      if (shared == null || shared.channel != channel) {
        return; // closed under its users (an interrupt) and replaced; nothing left to close
      }
      shared.users--;
      if (shared.users == 0) {
        LOCK_CHANNELS.remove(lockFile);
        try {
          channel.close();
        } catch (IOException ignored) {
          // no lock of this JVM is left on the file; nothing else to do
        }
      }
    }
  }

  private Map<TokenKey, StoredToken> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new LinkedHashMap<>();
    } catch (IOException e) {
      throw new TokenStoreException("cannot read token file " + file + ": " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = TokenJson.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw corrupt("it is not valid JSON (" + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ")", e);
    } catch (IOException e) {
      throw corrupt("it cannot be parsed (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw corrupt("it is not a zohokit token file (no \"format\": \"" + FORMAT + "\")", null);
    }
    int formatVersion = root.path("formatVersion").asInt(-1);
    if (formatVersion != FORMAT_VERSION) {
      throw corrupt("it has format version " + formatVersion + ", this zohokit reads version " + FORMAT_VERSION
          + " (written by a newer zohokit?)", null);
    }
    Map<TokenKey, StoredToken> tokens = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode entry : root.path("tokens")) {
      try {
        TokenKey key = new TokenKey(entry.path("client_id").asText(), entry.path("user_key").asText());
        long version = entry.path("version").asLong(1);
        tokens.put(key, new StoredToken(key, TokenJson.read(entry.get("token"), cipher, key, version, marks),
            version));
      } catch (TokenStoreException e) {
        throw new TokenStoreException("token file " + file + ", entry " + index + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw corrupt("entry " + index + " is invalid: " + e.getMessage(), e);
      }
      index++;
    }
    return tokens;
  }

  private TokenStoreException corrupt(String why, Throwable cause) {
    return new TokenStoreException("token file " + file + " cannot be used: " + why
        + ". zohokit will not overwrite it; repair it or move it away, then authorize again", cause);
  }

  private void write(Map<TokenKey, StoredToken> tokens) throws IOException {
    ObjectNode root = TokenJson.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    ArrayNode entries = root.putArray("tokens");
    Map<TokenKey, Long> serials = new LinkedHashMap<>();
    for (StoredToken stored : tokens.values()) {
      ObjectNode entry = entries.addObject();
      entry.put("client_id", stored.key().clientId());
      entry.put("user_key", stored.key().userKey());
      entry.put("version", stored.version());
      // every entry is sealed again (a fresh nonce): its serial moves forward with it
      long serial = marks.next(stored.key());
      serials.put(stored.key(), serial);
      entry.set("token", TokenJson.write(stored.token(), cipher, stored.key(), stored.version(), serial));
    }
    byte[] bytes = PRETTY.writeValueAsBytes(root);
    String prefix = file.getFileName() + ".";
    Path temp = posix
        ? steps.createTemp(file.getParent(), prefix, ".tmp", ownerOnly("rw-------"))
        : steps.createTemp(file.getParent(), prefix, ".tmp");
    try {
      FileChannel out = steps.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      try {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          steps.write(out, buffer);
        }
        steps.force(out);
      } finally {
        steps.close(out);
      }
      beforeReplace.run();
      try {
        steps.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        steps.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (cipher != null) {
        serials.forEach(marks::wrote);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void createDirectories() throws IOException {
    Path dir = file.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, ownerOnly("rwx------"));
      } else {
        Files.createDirectories(dir);
      }
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }

  @Override
  public String toString() {
    return "token file " + file;
  }
}
