package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedCacheBuilderValidateTest {

  private final CacheRegistry registry = new CacheRegistry();

  @Test
  void validate_returnsBoundsWithoutRegistering() {
    BoundedCacheBuilder<Object, Object> builder =
        BoundedCacheBuilder.newBuilder("studies").maximumSize(100).registry(registry);

    CacheBounds bounds = builder.validate();

    assertThat(bounds.maximumSize()).hasValue(100);
    assertThat(registry.names()).isEmpty();
  }

  @Test
  void validate_rejectsMissingBound() {
    BoundedCacheBuilder<Object, Object> builder = BoundedCacheBuilder.newBuilder("studies");

    assertThatIllegalStateException()
        .isThrownBy(builder::validate)
        .withMessage(
            "cache 'studies' has no eviction bound; set maximumSize, maximumBytes,"
                + " expireAfterWrite, expireAfterAccess or weakValues");
  }

  @Test
  void validate_leavesNameFreeForBuild() {
    BoundedCacheBuilder<Object, Object> builder =
        BoundedCacheBuilder.newBuilder("studies").maximumSize(100).registry(registry);

    builder.validate();
    Cache<Object, Object> cache = builder.build();

    assertThat(registry.names()).containsExactly("studies");
    assertThat(cache.policy().eviction()).isPresent();
  }

  @Test
  void values_strongReplacesPresetWeakValues() {
    BoundedCacheBuilder<Object, Object> builder =
        CachePresets.trials("trials").values(ValueStrength.STRONG).registry(registry);

    Cache<Object, Object> cache = builder.build();

    assertThat(builder.bounds().values()).isEqualTo(ValueStrength.STRONG);
    assertThat(builder.bounds().expireAfterAccess()).isEqualTo(Duration.ofHours(1));
    assertThat(cache.policy().isRecordingStats()).isTrue();
  }

  @Test
  void values_weakAndSoftDelegateToTheirSetters() {
    BoundedCacheBuilder<Object, Object> weak =
        BoundedCacheBuilder.newBuilder("trials").values(ValueStrength.WEAK);
    BoundedCacheBuilder<Object, Object> soft =
        BoundedCacheBuilder.newBuilder("reports").maximumSize(10).values(ValueStrength.SOFT);

    assertThat(weak.bounds().values()).isEqualTo(ValueStrength.WEAK);
    assertThat(soft.bounds().values()).isEqualTo(ValueStrength.SOFT);
  }

  @Test
  void values_strongConflictsWithExplicitWeakValues() {
    BoundedCacheBuilder<Object, Object> builder =
        BoundedCacheBuilder.newBuilder("trials").weakValues();

    assertThatIllegalStateException()
        .isThrownBy(() -> builder.values(ValueStrength.STRONG))
        .withMessage(
            "strongValues conflicts with weakValues (cache 'trials'); choose one value reference"
                + " policy");
  }

  @Test
  void values_strongIsNoBound() {
    BoundedCacheBuilder<Object, Object> builder =
        BoundedCacheBuilder.newBuilder("trials").values(ValueStrength.STRONG);

    assertThatIllegalStateException()
        .isThrownBy(builder::build)
        .withMessage(
            "cache 'trials' has no eviction bound; set maximumSize, maximumBytes,"
                + " expireAfterWrite, expireAfterAccess or weakValues");
  }
}
