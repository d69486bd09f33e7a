package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the fake Zoho as a standalone server:
 *
 * <pre>
 * java -jar zoho-testkit-&lt;version&gt;-standalone.jar --port 0 [--data-centers us,eu] [--self-client]
 *     [--device-slow-down-ms 30000] [--device-interval-ms 5000] [--seed-leads 25] [--ready-file path]
 *     [--api-concurrency 10] [--heavy-api-concurrency 10] [--api-credits 5000] [--api-latency-ms 20]
 * </pre>
 *
 * Once it listens it writes one JSON line — its URLs, the control endpoint, and the self client it registered if
 * asked — to {@code --ready-file} (readable by its owner only), prints the same line with the client secret redacted
 * (so that it stays out of build logs), and runs until killed or stopped with {@code POST /_fake/shutdown}. The
 * secret is only in the ready file; clients registered with {@code POST /_fake/clients} get theirs in the answer.
 * {@code --help} lists the options and the control API, which {@code GET /_fake} lists too.
 */
public final class FakeZohoMain {
  private FakeZohoMain() {}

  /**
   * Starts the fake and blocks until it is stopped; the options are listed by {@code --help}. An unknown option
   * prints an error and exits with status 2.
   *
   * @param args the options of the class comment
   * @throws Exception when the fake cannot start or the ready file cannot be written; an option's missing or
   *     malformed value throws too (for example {@code NumberFormatException} for {@code --port x})
   */
  public static void main(String[] args) throws Exception {
    FakeZoho.Builder builder = FakeZoho.builder();
    boolean selfClient = false;
    Path readyFile = null;
    int concurrency = 0;
    int heavyConcurrency = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port":
          builder.port(Integer.parseInt(args[++i]));
          break;
        case "--data-centers": {
          List<DataCenter> dcs = new ArrayList<>();
          for (String dc : args[++i].split(",")) {
            dcs.add(DataCenter.parse(dc));
          }
          builder.dataCenters(dcs.toArray(new DataCenter[0]));
          break;
        }
        case "--self-client":
          selfClient = true;
          break;
        case "--device-slow-down-ms":
          builder.deviceSlowDownWindow(Duration.ofMillis(Long.parseLong(args[++i])));
          break;
        case "--device-interval-ms":
          builder.deviceInterval(Duration.ofMillis(Long.parseLong(args[++i])));
          break;
        case "--seed-leads":
          builder.seedLeads(Integer.parseInt(args[++i]));
          break;
        case "--schema":
          builder.schema(Path.of(args[++i]));
          break;
        case "--api-concurrency":
          concurrency = Integer.parseInt(args[++i]);
          break;
        case "--heavy-api-concurrency":
          heavyConcurrency = Integer.parseInt(args[++i]);
          break;
        case "--api-credits":
          builder.apiCreditsPerDay(Integer.parseInt(args[++i]));
          break;
        case "--api-latency-ms":
          builder.apiLatency(Duration.ofMillis(Long.parseLong(args[++i])));
          break;
        case "--ready-file":
          readyFile = Path.of(args[++i]);
          break;
        case "--help":
          System.out.print(help());
          System.out.flush();
          return;
        default:
          System.err.println("unknown option " + arg + "; see --help");
          System.exit(2);
      }
    }
    FakeZoho fake = builder.apiConcurrency(concurrency, heavyConcurrency).start();
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-zoho-stop"));
    ObjectNode info = Http.JSON.valueToTree(FakeZoho.describe(fake));
    if (selfClient) {
      info.set("self_client", ControlEndpoints.client(fake.registerClient(ClientType.SELF_CLIENT, "Self Client",
          List.of(), List.of())));
    }
    if (readyFile != null) {
      writeReadyFile(readyFile, Http.JSON.writeValueAsString(info));
    }
    if (info.has("self_client")) {
      ObjectNode client = (ObjectNode) info.get("self_client");
      client.put("client_secret", Secret.redact(client.path("client_secret").asText()));
    }
    System.out.println(Http.JSON.writeValueAsString(info));
    System.out.flush();
    fake.awaitClosed();
  }

  /** What {@code --help} prints: the options, then the control API. */
  static String help() {
    return "usage: java -jar zoho-testkit-<version>-standalone.jar [options]\n"
        + "  --port N                  the home data centre's port (0: a free one; the others always get free "
        + "ones)\n"
        + "  --data-centers us,eu      the data centres served, each on its own port; the first is home (default "
        + "us,eu)\n"
        + "  --self-client             registers a self client; its id and secret are in the ready file\n"
        + "  --seed-leads N            leads seeded in each data centre (default 25)\n"
        + "  --device-slow-down-ms N   device flow: polls closer than this get slow_down\n"
        + "  --device-interval-ms N    device flow: the interval the fake asks clients to poll at\n"
        + "  --api-concurrency N       concurrent CRM calls per organisation before 429 (Zoho: 5-25 by edition)\n"
        + "  --heavy-api-concurrency N concurrent heavy calls (COQL, search, bulk jobs, ...) before 429 (Zoho: 10)\n"
        + "  --api-credits N           API credits per organisation, priced per call; X-API-CREDITS-REMAINING past half\n"
        + "  --api-latency-ms N        the least time each CRM call takes\n"
        + "  --ready-file PATH         where the startup line is written, secret included (owner-only)\n"
        + "  --help                    this text\n"
        + "Once listening it prints one JSON line (its URLs, the control URL, the self client with its secret "
        + "redacted)\nand runs until killed or POST /_fake/shutdown.\n\n"
        + ControlEndpoints.listing("http://127.0.0.1:PORT/_fake");
  }

  /** Written whole or not at all (temp file, then an atomic move), owner-only where the file system allows. */
  private static void writeReadyFile(Path readyFile, String line) throws java.io.IOException {
    Path temp = Files.createTempFile(readyFile.toAbsolutePath().getParent(), "fake-zoho", ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the temp file already gets the user's default ACL
    }
    Files.writeString(temp, line + "\n", StandardCharsets.UTF_8);
    Files.move(temp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
