package dev.heapbound.cache;

import dev.heapbound.core.DataSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The eviction bounds and reference policy that a cache was built with.
 *
 * @param maximumSize the maximum number of entries, if set
 * @param maximumBytes the maximum deep size of all entries in bytes, if set
 * @param maximumWeight the maximum total weight under a custom weigher, if set
 * @param expireAfterWrite how long an entry lives after it was written, or {@code null}
 * @param expireAfterAccess how long an entry lives after it was last read or written, or {@code
 *     null}
 * @param values how the cache references its values
 */
public record CacheBounds(
    OptionalLong maximumSize,
    OptionalLong maximumBytes,
    OptionalLong maximumWeight,
    Duration expireAfterWrite,
    Duration expireAfterAccess,
    ValueStrength values) {

  /** Returns whether anything at all bounds the cache. */
  public boolean isBounded() {
    return maximumSize.isPresent()
        || maximumBytes.isPresent()
        || maximumWeight.isPresent()
        || expireAfterWrite != null
        || expireAfterAccess != null
        || values == ValueStrength.WEAK;
  }

  /** Returns whether the cache has a bound on entries, bytes or weight, not only on time. */
  public boolean hasCapacityBound() {
    return maximumSize.isPresent() || maximumBytes.isPresent() || maximumWeight.isPresent();
  }

  /** Describes the bounds for people, as in {@code maximumBytes=64 MB, softValues}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    maximumSize.ifPresent(size -> parts.add("maximumSize=" + size));
    maximumBytes.ifPresent(bytes -> parts.add("maximumBytes=" + DataSize.format(bytes)));
    maximumWeight.ifPresent(weight -> parts.add("maximumWeight=" + weight));
    if (expireAfterWrite != null) {
      parts.add("expireAfterWrite=" + expireAfterWrite);
    }
    if (expireAfterAccess != null) {
      parts.add("expireAfterAccess=" + expireAfterAccess);
    }
    if (values != ValueStrength.STRONG) {
      parts.add(values.settingName());
    }
    return parts.isEmpty() ? "UNBOUNDED" : String.join(", ", parts);
  }
}
