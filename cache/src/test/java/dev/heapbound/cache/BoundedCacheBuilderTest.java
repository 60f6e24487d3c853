package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.heapbound.core.DataSize;
import dev.heapbound.core.SelfCheck;
import dev.heapbound.core.SizeEstimator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedCacheBuilderTest {

  private final CacheRegistry registry = new CacheRegistry();

  private BoundedCacheBuilder<Object, Object> builder(String name) {
    return BoundedCacheBuilder.newBuilder(name).registry(registry);
  }

  @Test
  void build_withoutBound_isRejected() {
    assertThatThrownBy(() -> builder("reports").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cache 'reports' has no eviction bound; set maximumSize, maximumBytes,"
                + " expireAfterWrite, expireAfterAccess or weakValues");
  }

  @Test
  void build_withoutBound_registersNothing() {
    assertThatThrownBy(() -> builder("reports").build()).isInstanceOf(IllegalStateException.class);

    assertThat(registry.names()).isEmpty();
  }

  @Test
  void softValues_withoutCapacityBound_isRejected() {
    assertThatThrownBy(() -> builder("reports").softValues().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("softValues requires maximumSize or maximumBytes (cache 'reports')");
  }

  @Test
  void softValues_withOnlyExpiry_isRejected() {
    var builder = builder("reports").softValues().expireAfterWrite(Duration.ofMinutes(1));

    assertThatThrownBy(builder::build)
        .hasMessage("softValues requires maximumSize or maximumBytes (cache 'reports')");
  }

  @Test
  void maximumSize_zero_isRejected() {
    assertThatThrownBy(() -> builder("studies").maximumSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "maximumSize must be positive: 0 (cache 'studies'); a cache that holds nothing"
                + " caches nothing, so remove the cache instead");
  }

  @Test
  void maximumSize_negative_isRejected() {
    assertThatThrownBy(() -> builder("studies").maximumSize(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maximumSize must be positive: -5 (cache 'studies')");
  }

  @Test
  void maximumBytes_zero_isRejected() {
    assertThatThrownBy(() -> builder("reports").maximumBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "maximumBytes must be positive: 0 bytes (cache 'reports'); a cache that holds"
                + " nothing caches nothing, so remove the cache instead");
  }

  @Test
  void maximumBytes_null_isRejected() {
    assertThatThrownBy(() -> builder("reports").maximumBytes((DataSize) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("maximumBytes must not be null (cache 'reports')");
  }

  @Test
  void maximumWeight_negative_isRejected() {
    assertThatThrownBy(() -> builder("reports").maximumWeight(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maximumWeight must be positive: -1 (cache 'reports')");
  }

  @Test
  void expireAfterWrite_zero_isRejected() {
    assertThatThrownBy(() -> builder("reports").expireAfterWrite(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "expireAfterWrite must be positive: PT0S (cache 'reports'); an entry that expires at"
                + " once is never served, so remove the cache instead");
  }

  @Test
  void expireAfterAccess_negative_isRejected() {
    assertThatThrownBy(() -> builder("reports").expireAfterAccess(Duration.ofSeconds(-3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expireAfterAccess must be positive: PT-3S (cache 'reports')");
  }

  @Test
  void expireAfterWrite_null_isRejected() {
    assertThatThrownBy(() -> builder("reports").expireAfterWrite(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("expireAfterWrite must not be null (cache 'reports')");
  }

  @Test
  void expireAfterWrite_overflowingDuration_isAccepted() {
    Cache<String, String> cache =
        builder("studies").expireAfterWrite(Duration.ofSeconds(Long.MAX_VALUE)).build();

    cache.put("a", "b");

    assertThat(cache.getIfPresent("a")).isEqualTo("b");
  }

  @Test
  void maximumSize_setTwice_isRejected() {
    var builder = builder("studies").maximumSize(100);

    assertThatThrownBy(() -> builder.maximumSize(200))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maximumSize was already set to 100 (cache 'studies'); set each setting once");
  }

  @Test
  void maximumBytes_setTwice_namesOldValueInUnits() {
    var builder = builder("reports").maximumBytes(DataSize.ofMegabytes(64));

    assertThatThrownBy(() -> builder.maximumBytes(1))
        .hasMessage(
            "maximumBytes was already set to 64 MB (cache 'reports'); set each setting once");
  }

  @Test
  void softValues_afterWeakValues_isRejected() {
    var builder = builder("trials").weakValues();

    assertThatThrownBy(builder::softValues)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "softValues conflicts with weakValues (cache 'trials'); choose one value reference"
                + " policy");
  }

  @Test
  void weakValues_setTwice_isRejected() {
    var builder = builder("trials").weakValues();

    assertThatThrownBy(builder::weakValues)
        .hasMessage("values was already set to weakValues (cache 'trials'); set each setting once");
  }

  @Test
  void maximumSize_withMaximumBytes_isRejected() {
    var builder = builder("reports").maximumSize(10).maximumBytes(1024);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "maximumSize conflicts with maximumBytes (cache 'reports'); bound the cache by"
                + " entries or by bytes, not both");
  }

  @Test
  void maximumBytes_withWeigher_isRejected() {
    var builder = builder("reports").maximumBytes(1024).weigher((k, v) -> 1);

    assertThatThrownBy(builder::build)
        .hasMessage(
            "maximumBytes conflicts with weigher (cache 'reports'); maximumBytes weighs entries"
                + " by their deep size; use maximumWeight only with a weigher of your own");
  }

  @Test
  void maximumWeight_withoutWeigher_isRejected() {
    assertThatThrownBy(() -> builder("reports").maximumWeight(10).build())
        .hasMessage("maximumWeight requires weigher (cache 'reports')");
  }

  @Test
  void weigher_withoutMaximumWeight_isRejected() {
    var builder = builder("reports").expireAfterWrite(Duration.ofMinutes(1)).weigher((k, v) -> 1);

    assertThatThrownBy(builder::build)
        .hasMessage("weigher requires maximumWeight (cache 'reports')");
  }

  @Test
  void rejectOversizedEntries_withoutMaximumBytes_isRejected() {
    var builder = builder("reports").maximumSize(10).rejectOversizedEntries();

    assertThatThrownBy(builder::build)
        .hasMessage("rejectOversizedEntries requires maximumBytes (cache 'reports')");
  }

  @Test
  void sizeEstimator_withoutMaximumBytes_isRejected() {
    var builder = builder("reports").maximumSize(10).sizeEstimator(SizeEstimator.defaults());

    assertThatThrownBy(builder::build)
        .hasMessage("sizeEstimator requires maximumBytes (cache 'reports')");
  }

  @Test
  void buildAsync_withWeakValues_isRejected() {
    var builder = builder("trials").weakValues();

    assertThatThrownBy(builder::buildAsync)
        .hasMessage(
            "weakValues is not supported by buildAsync (cache 'trials'); Caffeine's asynchronous"
                + " caches hold futures, so use build() for weak or soft values");
  }

  @Test
  void name_blank_isRejected() {
    assertThatThrownBy(() -> BoundedCacheBuilder.newBuilder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cache name must not be blank: ' '; name the cache after what it stores, such as"
                + " 'reports'");
  }

  @Test
  void name_null_isRejected() {
    assertThatThrownBy(() -> BoundedCacheBuilder.newBuilder(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cache name must not be blank: null; name the cache after what it stores, such as"
                + " 'reports'");
  }

  @Test
  void name_usedByLiveCache_isRejected() {
    Cache<Object, Object> first = builder("studies").maximumSize(10).build();

    assertThatThrownBy(() -> builder("studies").maximumSize(10).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cache name 'studies' is already used by a live cache in this registry; give each"
                + " cache a unique name, or drop the old cache first");
    assertThat(first.estimatedSize()).isZero();
  }

  @Test
  void maximumBytes_failedSelfCheck_isRejected() {
    var builder = builder("reports").maximumBytes(1024);
    SelfCheck broken = SelfCheck.run(object -> 24);
    builder.selfCheck(() -> broken);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "maximumBytes is not available (cache 'reports'): the size estimator failed its"
                + " self-check on ")
        .hasMessageContaining("a 1048576-character String measured 24 bytes, expected")
        .hasMessageEndingWith("so bound the cache with maximumSize instead");
  }

  @Test
  void maximumSize_failedSelfCheck_stillBuilds() {
    var builder = builder("studies").maximumSize(10);
    builder.selfCheck(() -> SelfCheck.run(object -> 24));

    assertThat(builder.build()).isNotNull();
  }

  @Test
  void build_returnsCaffeineCacheWithStatistics() {
    Cache<String, String> cache = builder("studies").maximumSize(10).build();

    cache.put("a", "b");
    cache.getIfPresent("a");
    cache.getIfPresent("missing");

    assertThat(cache.stats().hitCount()).isEqualTo(1);
    assertThat(cache.stats().missCount()).isEqualTo(1);
  }

  @Test
  void buildWithLoader_returnsLoadingCache() {
    LoadingCache<Integer, String> cache =
        builder("studies").maximumSize(10).build(id -> "study-" + id);

    assertThat(cache.get(7)).isEqualTo("study-7");
    assertThat(cache.stats().loadCount()).isEqualTo(1);
  }

  @Test
  void build_doesNotChangeBuilder() {
    var builder = builder("studies").maximumSize(10);
    String before = builder.toString();

    builder.build();

    assertThat(builder.toString()).isEqualTo(before);
    assertThat(builder.named("studies-2").build()).isNotNull();
  }

  @Test
  void toString_listsSettings() {
    var builder =
        BoundedCacheBuilder.newBuilder("reports")
            .maximumBytes(DataSize.ofMegabytes(64))
            .softValues()
            .expireAfterWrite(Duration.ofMinutes(10));

    assertThat(builder.toString())
        .isEqualTo(
            "BoundedCacheBuilder{name=reports, maximumBytes=64 MB, expireAfterWrite=PT10M,"
                + " values=softValues}");
  }

  @Test
  void build_logsConfigurationAtInfo() {
    try (LogCapture logs = LogCapture.heapbound()) {
      builder("reports").maximumBytes(DataSize.ofMegabytes(64)).softValues().build();

      assertThat(logs.messages(Level.INFO))
          .containsExactly("created cache 'reports': maximumBytes=64 MB, softValues");
      assertThat(logs.messages(Level.WARN)).isEmpty();
    }
  }

  @Test
  void build_boundedOnlyByWeakValues_warns() {
    try (LogCapture logs = LogCapture.heapbound()) {
      builder("trials").weakValues().build();

      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "cache 'trials' is bounded only by weakValues; a value that its own key"
                  + " references, or that lives forever such as an interned string or a small"
                  + " boxed integer, is never collected, so add expireAfterAccess or maximumSize"
                  + " as a backstop");
    }
  }

  @Test
  void build_maximumBytesOverHeap_warns() {
    long heap = Runtime.getRuntime().maxMemory();

    try (LogCapture logs = LogCapture.heapbound()) {
      builder("reports").maximumBytes(Long.MAX_VALUE / 2).build();

      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "cache 'reports' has maximumBytes="
                  + DataSize.format(Long.MAX_VALUE / 2)
                  + ", at least the whole maximum heap of "
                  + DataSize.format(heap)
                  + ", so the bound cannot keep the heap from filling; set maximumBytes to a"
                  + " share of the heap");
    }
  }

  @Test
  void build_boundedOnlyByExpiry_warnsOnce() {
    try (LogCapture logs = LogCapture.heapbound()) {
      builder("sessions").expireAfterAccess(Duration.ofMinutes(5)).build();

      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "cache 'sessions' is bounded only by expiry (expireAfterAccess=PT5M); a burst of"
                  + " writes within that time can still fill the heap, so add maximumSize or"
                  + " maximumBytes");
    }
  }
}
