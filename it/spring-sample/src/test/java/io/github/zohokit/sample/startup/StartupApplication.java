package io.github.zohokit.sample.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample's stack (web, Thymeleaf, JDBC on H2, actuator, application.properties) without the sample's own
 * controller and without any reference to zohokit: started by {@code startup-time.sh} once with the starter on the
 * class path and once without, it measures what the starter adds to start-up. Starts, reports, stops.
 */
@SpringBootApplication
public class StartupApplication {
  public static void main(String[] args) {
    SpringApplication.run(StartupApplication.class, args).close();
  }
}
