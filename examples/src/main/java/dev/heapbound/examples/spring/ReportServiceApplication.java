package dev.heapbound.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A Spring Boot service that generates ePRO reports of about 1 MB and caches them with {@code
 * Cacheable}. The caches are declared only in {@code application.yml}: {@code reports} with the
 * reports preset and a 64 MB byte bound, {@code studies} with a size bound and an expiry.
 *
 * <p>Run it from the project root with {@code mvn -pl examples -am spring-boot:run}, then request
 * {@code /reports/R-1001} twice and open {@code /actuator/heapbound} and {@code
 * /actuator/metrics/cache.gets}.
 */
@SpringBootApplication
@EnableCaching
public class ReportServiceApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ReportServiceApplication.class, args);
  }
}
