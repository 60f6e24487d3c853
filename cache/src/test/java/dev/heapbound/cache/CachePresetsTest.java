package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.core.DataSize;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CachePresetsTest {

  private final CacheRegistry registry = new CacheRegistry();

  /** A trial in progress, looked up by its id rather than by identity. */
  record Trial(String id, String phase) {}

  @Test
  void trials_defaultsAreWeakValuesWithAccessExpiry() {
    CacheBounds bounds = CachePresets.trials("trials").bounds();

    assertThat(bounds.values()).isEqualTo(ValueStrength.WEAK);
    assertThat(bounds.expireAfterAccess()).isEqualTo(Duration.ofHours(1));
    assertThat(bounds.maximumSize()).isEmpty();
  }

  @Test
  void trials_equalIdHitsWhileTrialIsReferenced() {
    Cache<String, Trial> trials = CachePresets.trials("trials").registry(registry).build();
    Trial trial = new Trial("TRIAL-0042", "II");
    trials.put(new String("TRIAL-0042"), trial);

    Trial found = trials.getIfPresent(new String("TRIAL-0042"));

    assertThat(found).isSameAs(trial);
    trials.put(new String("TRIAL-0042"), trial);
    trials.cleanUp();
    assertThat(trials.estimatedSize()).isEqualTo(1);
  }

  @Test
  void trials_recordKeyHitsWithEqualKey() {
    record TrialKey(String sponsor, int number) {}
    Cache<TrialKey, Trial> trials = CachePresets.trials("trials").registry(registry).build();
    Trial trial = new Trial("TRIAL-0007", "III");
    trials.put(new TrialKey("acme", 7), trial);

    assertThat(trials.getIfPresent(new TrialKey("acme", 7))).isSameAs(trial);
  }

  @Test
  void trials_entryDisappearsOnceTrialIsUnreachable() {
    Cache<String, Trial> trials =
        CachePresets.trials("trials").registry(registry).executor(Runnable::run).build();
    WeakReference<Trial> reference = putTrial(trials, "TRIAL-0099");

    Gc.awaitCollected(reference);
    Gc.awaitWithGc(
        () -> {
          trials.cleanUp();
          return trials.estimatedSize() == 0;
        });

    assertThat(trials.getIfPresent("TRIAL-0099")).isNull();
  }

  @Test
  void trials_overridesReplaceDefaults() {
    var builder = CachePresets.trials("trials").expireAfterAccess(Duration.ofMinutes(5));

    assertThat(builder.bounds().expireAfterAccess()).isEqualTo(Duration.ofMinutes(5));
    assertThat(builder.bounds().values()).isEqualTo(ValueStrength.WEAK);
  }

  @Test
  void reports_defaultsAreBytesSoftValuesAndWriteExpiry() {
    CacheBounds bounds = CachePresets.reports("reports").bounds();

    assertThat(bounds.maximumBytes())
        .isEqualTo(OptionalLong.of(Runtime.getRuntime().maxMemory() / 100 * 10));
    assertThat(bounds.values()).isEqualTo(ValueStrength.SOFT);
    assertThat(bounds.expireAfterWrite()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void reports_maximumBytesOverrideKeepsOtherDefaults() {
    var builder = CachePresets.reports("reports").maximumBytes(DataSize.ofMegabytes(24));

    assertThat(builder.bounds().maximumBytes()).isEqualTo(OptionalLong.of(24L << 20));
    assertThat(builder.bounds().values()).isEqualTo(ValueStrength.SOFT);
    assertThat(builder.bounds().expireAfterWrite()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void reports_maximumSizeReplacesPresetByteBound() {
    var builder = CachePresets.reports("reports").maximumSize(100);

    assertThat(builder.bounds().maximumSize()).isEqualTo(OptionalLong.of(100));
    assertThat(builder.bounds().maximumBytes()).isEmpty();
    assertThat(builder.bounds().values()).isEqualTo(ValueStrength.SOFT);
    assertThat(builder.registry(registry).build()).isNotNull();
  }

  @Test
  void reports_userValueCannotBeSetTwiceAfterOverride() {
    var builder = CachePresets.reports("reports").maximumBytes(DataSize.ofMegabytes(24));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.maximumBytes(1))
        .hasMessage(
            "maximumBytes was already set to 24 MB (cache 'reports'); set each setting once");
  }

  @Test
  void reports_buildsAndHoldsReports() {
    Cache<String, byte[]> reports =
        CachePresets.reports("reports")
            .maximumBytes(DataSize.ofMegabytes(4))
            .registry(registry)
            .executor(Runnable::run)
            .build();

    for (int i = 0; i < 10; i++) {
      reports.put("report-" + i, new byte[1 << 20]);
    }
    reports.cleanUp();

    assertThat(reports.policy().eviction().orElseThrow().weightedSize().getAsLong())
        .isLessThanOrEqualTo(4L << 20);
    assertThat(reports.estimatedSize()).isBetween(1L, 3L);
  }

  private static WeakReference<Trial> putTrial(Cache<String, Trial> trials, String id) {
    Trial trial = new Trial(id, "I");
    trials.put(id, trial);
    assertThat(trials.getIfPresent(id)).isSameAs(trial);
    return new WeakReference<>(trial);
  }
}
