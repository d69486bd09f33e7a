package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.notifications.CatchUp;
import io.github.zohokit.notifications.ChannelManager;
import io.github.zohokit.notifications.ChannelStore;
import io.github.zohokit.notifications.NotificationEvent;
import io.github.zohokit.notifications.NotificationListener;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeNotifications;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * zoho.notifications.* in a Spring MVC application over real HTTP, against the fake Zoho: the channel manager
 * subscribes Leads at start-up and catches up, the fake's notification after a write reaches the endpoint and the
 * application's listener (Spring Security on, the path open to Zoho); a wrong token is 403 and a malformed body 400, and nothing reaches the listener.
 */
@SpringBootTest(classes = ZohoNotificationsEndpointTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ZohoNotificationsEndpointTest {
  private static final FakeZoho FAKE = FakeZoho.builder().dataCenters(DataCenter.US).start();
  private static final int PORT = freePort();
  private static final Path CHANNELS = tempDir();
  private static final List<NotificationEvent> EVENTS = new CopyOnWriteArrayList<>();
  private static final AtomicInteger CATCH_UPS = new AtomicInteger();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    Zoho zoho() {
      FakeClient client = FAKE.registerSelfClient();
      ZohoOAuth oauth = ZohoOAuth.builder(client.type()).clientId(client.clientId())
          .clientSecret(client.clientSecret()).endpoints(FAKE.endpoints()).tokenStore(TokenStores.inMemory()).build();
      oauth.selfClientFlow().exchangeGrantToken(FAKE.generateGrantCode(client,
          List.of("ZohoCRM.modules.ALL", "ZohoCRM.notifications.ALL")));
      return Zoho.connect(oauth);
    }

    /** Zoho posts without credentials or a CSRF token: the path is open, the token in the body is the check. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(a -> a.requestMatchers("/hooks/zoho").permitAll().anyRequest()
          .authenticated()).csrf(c -> c.ignoringRequestMatchers("/hooks/zoho")).build();
    }

    @Bean
    NotificationListener collect() {
      return EVENTS::add;
    }

    @Bean
    CatchUp catchUp() {
      return module -> CATCH_UPS.incrementAndGet();
    }
  }

  @DynamicPropertySource
  static void zoho(DynamicPropertyRegistry properties) {
    properties.add("server.port", () -> PORT);
    properties.add("zoho.client-id", () -> "1000.UNUSED");
    properties.add("zoho.client-secret", () -> "unused");
    properties.add("zoho.notifications.enabled", () -> "true");
    properties.add("zoho.notifications.notify-url", () -> "http://127.0.0.1:" + PORT + "/hooks/zoho?tenant=7");
    properties.add("zoho.notifications.path", () -> "/hooks/zoho");
    properties.add("zoho.notifications.modules", () -> "Leads");
    properties.add("zoho.notifications.application", () -> "crm-mirror");
    properties.add("zoho.notifications.channel-directory", CHANNELS::toString);
  }

  @Autowired
  Zoho zoho;

  @Autowired
  ChannelStore channels;

  @Autowired
  ChannelManager manager;

  @AfterAll
  static void stop() {
    FAKE.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("zoho-channels");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int post(String body) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
        + "/hooks/zoho")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void theManagerSubscribesAtStartUpAndZohosNotificationsReachTheListener() throws Exception {
    // the first maintenance runs on the manager's thread as the application starts: wait for the channel
    Instant deadline = Instant.now().plusSeconds(30);
    while (channels.load("crm-mirror.Leads").isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    long channelId = channels.load("crm-mirror.Leads").orElseThrow().channelId();
    assertThat(FAKE.notifications().channels(DataCenter.US)).extracting(c -> c.path("channel_id").asLong())
        .containsExactly(channelId);
    while (CATCH_UPS.get() == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(CATCH_UPS.get()).isEqualTo(1);

    Request insert = new Request.Builder().url("https://www.zohoapis.com/crm/v8/Leads").post(RequestBody.create(
        "{\"data\":[{\"Last_Name\":\"Spring\"}]}", MediaType.get("application/json"))).build();
    String id;
    try (Response response = zoho.httpClient().newCall(insert).execute()) {
      id = zoho.objectMapper().readTree(response.body().string()).at("/data/0/details/id").asText();
    }
    FAKE.notifications().awaitDeliveries(Duration.ofSeconds(10));
    assertThat(FAKE.notifications().deliveries()).extracting(FakeNotifications.Delivery::status).containsExactly(200);
    assertThat(EVENTS).hasSize(1);
    assertThat(EVENTS.get(0).ids()).containsExactly(id);
    assertThat(EVENTS.get(0).queryParams()).containsEntry("tenant", "7");

    String token = channels.load("crm-mirror.Leads").orElseThrow().token().reveal();
    String payload = "{\"module\":\"Leads\",\"operation\":\"update\",\"ids\":[\"1\"],\"channel_id\":\"" + channelId
        + "\",\"token\":\"%s\"}";
    assertThat(post(String.format(payload, "wrong"))).isEqualTo(403);
    assertThat(post("{not json")).isEqualTo(400);
    assertThat(EVENTS).hasSize(1);
    assertThat(post(String.format(payload, token))).isEqualTo(200);
    assertThat(EVENTS).hasSize(2);
  }
}
