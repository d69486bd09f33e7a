package io.github.zohokit.notifications;

import com.sun.net.httpserver.HttpServer;
import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection to a fake Zoho, and a receiver on the JDK's HTTP server that collects what it is handed. */
final class Receivers {
  private Receivers() {}

  static Zoho connect(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = ZohoOAuth.builder(client.type()).clientId(client.clientId())
        .clientSecret(client.clientSecret()).endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory()).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client,
        List.of("ZohoCRM.modules.ALL", "ZohoCRM.notifications.ALL")));
    return Zoho.connect(oauth);
  }

  /** A running receiver at {@code http://127.0.0.1:<port>/zoho/notifications}. */
  static final class Running implements AutoCloseable {
    final List<NotificationEvent> events = new CopyOnWriteArrayList<>();
    final HttpServer server;
    final NotificationReceiver receiver;

    Running(ChannelStore store) {
      receiver = NotificationReceiver.builder(store).listener(events::add).build();
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/zoho/notifications", new NotificationHttpHandler(receiver));
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/zoho/notifications";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
