package io.github.zohokit.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The zohokit Spring Boot sample: Login with Zoho (a server-based client) and a page of the user's leads through a
 * generated client, tokens kept in H2 through JDBC. The profile {@code self-client} runs it as a self client on the
 * token file {@code mvn zoho:bootstrap-token} writes.
 */
@SpringBootApplication
public class SampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
