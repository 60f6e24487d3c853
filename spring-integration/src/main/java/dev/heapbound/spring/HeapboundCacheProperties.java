package dev.heapbound.spring;

import dev.heapbound.cache.ValueStrength;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of heapbound's cache manager, under {@code heapbound.cache}.
 *
 * <p>Each cache is declared by name under {@code heapbound.cache.caches} and needs at least one
 * bound, or the application fails to start:
 *
 * <pre>
 * heapbound:
 *   cache:
 *     caches:
 *       reports:
 *         preset: reports
 *         maximum-bytes: 256MB
 *       studies:
 *         maximum-size: 10000
 *         expire-after-write: 10m
 * </pre>
 *
 * <p>A key under {@code heapbound.cache} that no property here binds, such as a misspelled {@code
 * maximum-sise}, fails the startup instead of being ignored.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "heapbound.cache", ignoreUnknownFields = false)
public class HeapboundCacheProperties {

  /**
   * Whether to create heapbound's cache manager. Set to false to leave caching to Spring Boot's own
   * cache auto-configuration, for example with spring.cache.type=none in tests.
   */
  private boolean enabled = true;

  /**
   * Caches to create at startup, by cache name. Each cache needs at least one bound: maximum-size,
   * maximum-bytes, expire-after-write, expire-after-access, values=weak, or a preset.
   */
  private Map<String, CacheSpec> caches = new LinkedHashMap<>();

  /** Caches created on demand for names that are not declared under heapbound.cache.caches. */
  private final Dynamic dynamic = new Dynamic();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Map<String, CacheSpec> getCaches() {
    return caches;
  }

  public void setCaches(Map<String, CacheSpec> caches) {
    this.caches = caches;
  }

  public Dynamic getDynamic() {
    return dynamic;
  }

  /** A preset that sets defaults for a cache, which the cache's other properties override. */
  public enum Preset {
    /**
     * Trials by id: weak values, so an entry lives as long as its trial object is referenced
     * elsewhere, and expire-after-access of 1 hour.
     */
    TRIALS,

    /**
     * Generated reports: maximum-bytes of 10 % of the maximum heap, soft values, and
     * expire-after-write of 10 minutes.
     */
    REPORTS
  }

  /** The bounds and reference policy of one cache. */
  public static class CacheSpec {

    /** Preset that sets this cache's defaults; the other properties override what it sets. */
    private Preset preset;

    /** Maximum number of entries. Cannot be combined with maximum-bytes. */
    private Long maximumSize;

    /**
     * Maximum total deep size of keys and values, such as 256MB, measured when each entry is
     * written. Cannot be combined with maximum-size.
     */
    private DataSize maximumBytes;

    /** Time after which an entry expires once it was created or last replaced. */
    private Duration expireAfterWrite;

    /** Time after which an entry expires once it was last read or written. */
    private Duration expireAfterAccess;

    /**
     * Reference strength of the cache's values: strong, weak (kept while referenced elsewhere) or
     * soft (cleared under memory pressure, only with maximum-size or maximum-bytes).
     */
    private ValueStrength values;

    public Preset getPreset() {
      return preset;
    }

    public void setPreset(Preset preset) {
      this.preset = preset;
    }

    public Long getMaximumSize() {
      return maximumSize;
    }

    public void setMaximumSize(Long maximumSize) {
      this.maximumSize = maximumSize;
    }

    public DataSize getMaximumBytes() {
      return maximumBytes;
    }

    public void setMaximumBytes(DataSize maximumBytes) {
      this.maximumBytes = maximumBytes;
    }

    public Duration getExpireAfterWrite() {
      return expireAfterWrite;
    }

    public void setExpireAfterWrite(Duration expireAfterWrite) {
      this.expireAfterWrite = expireAfterWrite;
    }

    public Duration getExpireAfterAccess() {
      return expireAfterAccess;
    }

    public void setExpireAfterAccess(Duration expireAfterAccess) {
      this.expireAfterAccess = expireAfterAccess;
    }

    public ValueStrength getValues() {
      return values;
    }

    public void setValues(ValueStrength values) {
      this.values = values;
    }
  }

  /**
   * The settings of caches created on demand. Each such cache gets the bounds set here, which are
   * checked at startup.
   */
  public static class Dynamic extends CacheSpec {

    /**
     * Whether a name that is not declared under heapbound.cache.caches creates a cache with the
     * bounds under heapbound.cache.dynamic. When false, such a name is an error.
     */
    private boolean enabled = false;

    /**
     * Maximum number of caches created on demand. Each one can hold its own bound of entries or
     * bytes, so this limits their total as well.
     */
    private int maximumCaches = 100;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getMaximumCaches() {
      return maximumCaches;
    }

    public void setMaximumCaches(int maximumCaches) {
      this.maximumCaches = maximumCaches;
    }
  }
}
