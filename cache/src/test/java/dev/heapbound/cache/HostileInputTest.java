package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.testsupport.MarkerAudit;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of hostile inputs to builders and caches. Each row names the input, what it does to a
 * cache that already holds an entry, and the exception it must raise. After every row the entry is
 * still there.
 */
class HostileInputTest {

  private static final String KEY = MarkerAudit.MARKER + "KEY";
  private static final String VALUE = MarkerAudit.MARKER + "VALUE";

  /** One hostile input, applied to a registry and a cache holding {@code KEY -> VALUE}. */
  interface Input {
    void apply(CacheRegistry registry, Cache<String, String> cache);
  }

  static Stream<Arguments> inputs() {
    return Stream.of(
        row(
            "null key",
            (registry, cache) -> cache.put(null, "v"),
            NullPointerException.class,
            null),
        row(
            "null value",
            (registry, cache) -> cache.put("k", null),
            NullPointerException.class,
            null),
        row(
            "null name",
            (registry, cache) -> BoundedCacheBuilder.newBuilder(null),
            IllegalArgumentException.class,
            "cache name must not be blank: null; name the cache after what it stores, such as"
                + " 'reports'"),
        row(
            "empty name",
            (registry, cache) -> BoundedCacheBuilder.newBuilder(""),
            IllegalArgumentException.class,
            "cache name must not be blank: ''; name the cache after what it stores, such as"
                + " 'reports'"),
        row(
            "zero maximum size",
            (registry, cache) -> builder(registry, "other").maximumSize(0),
            IllegalArgumentException.class,
            "maximumSize must be positive: 0 (cache 'other'); a cache that holds nothing caches"
                + " nothing, so remove the cache instead"),
        row(
            "negative maximum bytes",
            (registry, cache) -> builder(registry, "other").maximumBytes(-1),
            IllegalArgumentException.class,
            "maximumBytes must be positive: -1 bytes (cache 'other'); a cache that holds nothing"
                + " caches nothing, so remove the cache instead"),
        row(
            "negative maximum weight",
            (registry, cache) -> builder(registry, "other").maximumWeight(Long.MIN_VALUE),
            IllegalArgumentException.class,
            "maximumWeight must be positive: -9223372036854775808 (cache 'other'); a cache that"
                + " holds nothing caches nothing, so remove the cache instead"),
        row(
            "negative expiry",
            (registry, cache) -> builder(registry, "other").expireAfterWrite(Duration.ofNanos(-1)),
            IllegalArgumentException.class,
            "expireAfterWrite must be positive: PT-0.000000001S (cache 'other'); an entry that"
                + " expires at once is never served, so remove the cache instead"),
        row(
            "null expiry",
            (registry, cache) -> builder(registry, "other").expireAfterAccess(null),
            NullPointerException.class,
            "expireAfterAccess must not be null (cache 'other')"),
        row(
            "same name twice",
            (registry, cache) -> builder(registry, "studies").maximumSize(5).build(),
            IllegalStateException.class,
            "cache name 'studies' is already used by a live cache in this registry; give each"
                + " cache a unique name, or drop the old cache first"),
        row(
            "unbounded",
            (registry, cache) -> builder(registry, "other").build(),
            IllegalStateException.class,
            "cache 'other' has no eviction bound; set maximumSize, maximumBytes, expireAfterWrite,"
                + " expireAfterAccess or weakValues"),
        row(
            "soft values alone",
            (registry, cache) -> builder(registry, "other").softValues().build(),
            IllegalStateException.class,
            "softValues requires maximumSize or maximumBytes (cache 'other')"),
        row(
            "null loader",
            (registry, cache) -> builder(registry, "other").maximumSize(1).build(null),
            NullPointerException.class,
            "loader must not be null (cache 'other')"),
        row(
            "null listener",
            (registry, cache) -> builder(registry, "other").removalListener(null),
            NullPointerException.class,
            "removalListener must not be null (cache 'other')"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void hostileInput_failsAndKeepsEntries(
      String name, Input input, Class<? extends Throwable> expected, String message) {
    CacheRegistry registry = new CacheRegistry();
    Cache<String, String> cache = builder(registry, "studies").maximumSize(10).build();
    cache.put(KEY, VALUE);

    var thrown =
        assertThatThrownBy(() -> input.apply(registry, cache)).as(name).isInstanceOf(expected);
    if (message != null) {
      thrown.hasMessage(message);
    }

    thrown.message().satisfiesAnyOf(text -> assertThat(text).isNull(), noPlantedData());
    assertThat(cache.getIfPresent(KEY)).isEqualTo(VALUE);
    assertThat(registry.names()).containsExactly("studies");
  }

  private static Consumer<String> noPlantedData() {
    return text -> assertThat(text).doesNotContain(MarkerAudit.MARKER);
  }

  private static BoundedCacheBuilder<Object, Object> builder(CacheRegistry registry, String name) {
    return BoundedCacheBuilder.newBuilder(name).registry(registry);
  }

  private static Arguments row(
      String name, Input input, Class<? extends Throwable> expected, String message) {
    return Arguments.of(name, input, expected, message);
  }
}
