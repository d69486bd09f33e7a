package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.DataCenter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the fake Zoho as a standalone server:
 *
 * <pre>
 * java -jar zoho-testkit-&lt;version&gt;-standalone.jar --port 0 [--data-centers us,eu] [--self-client]
 *     [--device-slow-down-ms 30000] [--device-interval-ms 5000] [--seed-leads 25] [--ready-file path]
 * </pre>
 *
 * It prints one JSON line — its URLs, the control endpoint, and the self client it registered if asked — writes the
 * same line to {@code --ready-file} once it listens, and runs until killed or stopped with
 * {@code POST /_fake/shutdown}.
 */
public final class FakeZohoMain {
  private FakeZohoMain() {}

  /** Starts the fake; the options are listed by {@code --help}. */
  public static void main(String[] args) throws Exception {
    FakeZoho.Builder builder = FakeZoho.builder();
    boolean selfClient = false;
    Path readyFile = null;
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
        case "--ready-file":
          readyFile = Path.of(args[++i]);
          break;
        case "--help":
          System.out.println("usage: java -jar zoho-testkit-standalone.jar [--port N] [--data-centers us,eu] "
              + "[--self-client] [--device-slow-down-ms N] [--device-interval-ms N] [--seed-leads N] "
              + "[--ready-file PATH]");
          return;
        default:
          System.err.println("unknown option " + arg + "; see --help");
          System.exit(2);
      }
    }
    FakeZoho fake = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-zoho-stop"));
    ObjectNode info = Http.JSON.valueToTree(FakeZoho.describe(fake));
    if (selfClient) {
      info.set("self_client", ControlEndpoints.client(fake.registerClient(ClientType.SELF_CLIENT, "Self Client",
          List.of(), List.of())));
    }
    String line = Http.JSON.writeValueAsString(info);
    if (readyFile != null) {
      Path temp = Files.createTempFile(readyFile.toAbsolutePath().getParent(), "fake-zoho", ".tmp");
      Files.writeString(temp, line + "\n", StandardCharsets.UTF_8);
      Files.move(temp, readyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println(line);
    System.out.flush();
    fake.awaitClosed();
  }
}
