package dev.heapbound.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.spring.InvalidCacheSpecException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * Spring's {@code CaffeineCacheManager} builds a cache with no bound when it is given no spec. With
 * heapbound such a cache stops the application at startup, and the failure report names the
 * properties that bound it.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnboundedCacheStartupTests {

  private static final String UNBOUNDED_REPORTS =
      "cache 'reports' has no eviction bound; set heapbound.cache.caches.reports.maximum-size,"
          + " heapbound.cache.caches.reports.maximum-bytes,"
          + " heapbound.cache.caches.reports.expire-after-write,"
          + " heapbound.cache.caches.reports.expire-after-access or"
          + " heapbound.cache.caches.reports.values=weak";

  @Test
  void springCaffeineCacheManagerWithoutSpec_buildsUnboundedCache() {
    CaffeineCacheManager springManager = new CaffeineCacheManager("reports");

    Cache<Object, Object> cache =
        ((CaffeineCache) springManager.getCache("reports")).getNativeCache();

    assertThat(cache.policy().eviction()).isEmpty();
    assertThat(cache.policy().expireAfterWrite()).isEmpty();
    assertThat(cache.policy().expireAfterAccess()).isEmpty();
  }

  @Test
  void cacheWithoutBound_failsStartupWithFailureReport(CapturedOutput output) {
    assertThatException().isThrownBy(start("--heapbound.cache.caches.reports.values=strong"));

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("Description:\n\n" + UNBOUNDED_REPORTS)
        .contains("Action:\n\nGive the cache at least one bound")
        .contains("\theapbound.cache.caches.reports.maximum-bytes (a deep size of all entries,");
  }

  @Test
  void misspelledCacheKey_failsStartupWithFailureReport(CapturedOutput output) {
    assertThatException()
        .isThrownBy(
            start(
                "--heapbound.cache.caches.reports.preset=reports",
                "--heapbound.cache.caches.reports.maximum-byte=64MB"));

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains(
            "Description:\n\nheapbound.cache.caches.reports.maximum-byte is not a known property"
                + " (cache 'reports'), set in"
                + " \"heapbound.cache.caches.reports.maximum-byte\" from property source"
                + " \"commandLineArgs\"; did you mean heapbound.cache.caches.reports.maximum-bytes?")
        .contains("Action:\n\nCorrect the misspelled keys under heapbound.cache, or remove them.");
  }

  @Test
  void yamlDeclarationWithoutProperties_failsStartup() {
    assertThatException()
        .isThrownBy(start("--spring.config.location=classpath:startup/reports-without-bound.yml"))
        .havingCause()
        .isInstanceOf(InvalidCacheSpecException.class)
        .withMessage(UNBOUNDED_REPORTS);
  }

  @Test
  void springCacheNamesWithoutBound_failStartup() {
    assertThatException()
        .isThrownBy(
            start(
                "--spring.cache.cache-names=studies,reports",
                "--heapbound.cache.caches.studies.maximum-size=100"))
        .havingCause()
        .isInstanceOf(InvalidCacheSpecException.class)
        .withMessage(
            UNBOUNDED_REPORTS
                + "; the cache is named in spring.cache.cache-names, and heapbound reads bounds"
                + " only from heapbound.cache.caches.reports, not from"
                + " spring.cache.caffeine.spec");
  }

  /** Returns a call that starts the test application without a web server, and stops it. */
  private static ThrowingCallable start(String... args) {
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(ReportTestApplication.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .registerShutdownHook(false);
    return () -> builder.run(args).close();
  }
}
