package io.github.zohokit.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Channels in one JSON file, {@code channels.json} in a directory, for applications on one host. The file holds
 * the channel tokens in clear, so it is created readable by its owner only (where the file system has POSIX
 * permissions); it is replaced atomically (written to a temporary file, forced to disk, renamed) under an OS lock on
 * {@code channels.lock}, so processes of one host may share it.
 */
public final class FileChannelStore implements ChannelStore {
  private final Path directory;
  private final Path file;

  /**
   * A store in {@code directory}, created when missing.
   *
   * @param directory where {@code channels.json} goes, not null
   */
  public FileChannelStore(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.file = directory.resolve("channels.json");
  }

  @Override
  public Optional<Channel> load(String key) {
    JsonNode node = readAll().get(key);
    return node == null ? Optional.empty() : Optional.of(ChannelJson.read(key, node));
  }

  @Override
  public Optional<Channel> findByChannelId(long channelId) {
    Iterator<Map.Entry<String, JsonNode>> all = readAll().fields();
    while (all.hasNext()) {
      Map.Entry<String, JsonNode> e = all.next();
      if (e.getValue().path("channel_id").asLong() == channelId) {
        return Optional.of(ChannelJson.read(e.getKey(), e.getValue()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void save(Channel channel) {
    change(all -> all.set(channel.key(), ChannelJson.write(channel)));
  }

  @Override
  public void delete(String key) {
    change(all -> all.remove(key));
  }

  private ObjectNode readAll() {
    try {
      JsonNode node = ChannelJson.JSON.readTree(Files.readAllBytes(file));
      return node instanceof ObjectNode ? (ObjectNode) node : ChannelJson.JSON.createObjectNode();
    } catch (NoSuchFileException e) {
      return ChannelJson.JSON.createObjectNode();
    } catch (IOException e) {
      throw new NotificationException("cannot read the channel store " + file + ": " + e.getMessage(), null, e);
    }
  }

  private synchronized void change(Consumer<ObjectNode> edit) {
    Path temp = directory.resolve("channels.json.tmp");
    try {
      Files.createDirectories(directory);
      try (FileChannel lockFile = FileChannel.open(directory.resolve("channels.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        ObjectNode all = readAll();
        edit.accept(all);
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          out.write(ByteBuffer.wrap(ChannelJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all)));
          out.force(true);
        }
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new NotificationException("cannot write the channel store " + file + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public String toString() {
    return "FileChannelStore{" + file + "}";
  }
}
