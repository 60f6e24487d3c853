package dev.heapbound.spring;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thrown at startup when the properties of a cache do not describe a cache that heapbound's builder
 * accepts, for example a cache with no bound at all. The message is the builder's, with each
 * builder setting replaced by the full property key that sets it.
 *
 * @since 0.1.0
 */
public final class InvalidCacheSpecException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private static final Pattern SETTING =
      Pattern.compile(
          "\\b(maximumSize|maximumBytes|expireAfterWrite|expireAfterAccess|weakValues|softValues"
              + "|strongValues)\\b");

  private static final Map<String, String> PROPERTY_SUFFIXES =
      Map.of(
          "maximumSize", "maximum-size",
          "maximumBytes", "maximum-bytes",
          "expireAfterWrite", "expire-after-write",
          "expireAfterAccess", "expire-after-access",
          "weakValues", "values=weak",
          "softValues", "values=soft",
          "strongValues", "values=strong");

  private final String cacheName;
  private final String propertyPrefix;
  private final boolean unbounded;

  InvalidCacheSpecException(
      String cacheName, String propertyPrefix, boolean unbounded, RuntimeException cause) {
    super(toPropertyKeys(cause.getMessage(), propertyPrefix), cause);
    this.cacheName = cacheName;
    this.propertyPrefix = propertyPrefix;
    this.unbounded = unbounded;
  }

  private InvalidCacheSpecException(String message, InvalidCacheSpecException original) {
    super(message, original.getCause());
    this.cacheName = original.cacheName;
    this.propertyPrefix = original.propertyPrefix;
    this.unbounded = original.unbounded;
  }

  /** Returns the name of the cache, or {@code *} for the defaults of caches created on demand. */
  public String getCacheName() {
    return cacheName;
  }

  /** Returns the property prefix of the cache, such as {@code heapbound.cache.caches.reports}. */
  public String getPropertyPrefix() {
    return propertyPrefix;
  }

  /** Returns whether the cache was rejected because nothing bounds it. */
  public boolean isUnbounded() {
    return unbounded;
  }

  /** Returns this failure for a cache that only {@code spring.cache.cache-names} names. */
  InvalidCacheSpecException namedInSpringCacheNames() {
    return new InvalidCacheSpecException(
        getMessage()
            + "; the cache is named in spring.cache.cache-names, and heapbound reads bounds only"
            + " from "
            + propertyPrefix
            + ", not from spring.cache.caffeine.spec",
        this);
  }

  /** Describes what the user should change, naming the property keys. */
  String getAction() {
    if (!unbounded) {
      return "Change the properties under "
          + propertyPrefix
          + " as the description says. A cache is bounded either by entries (maximum-size) or by"
          + " bytes (maximum-bytes), and soft values need one of the two.";
    }
    String prefix = propertyPrefix + ".";
    return "Give the cache at least one bound by setting one of these properties:\n"
        + "\t"
        + prefix
        + "maximum-size (a number of entries, such as 10000)\n"
        + "\t"
        + prefix
        + "maximum-bytes (a deep size of all entries, such as 256MB)\n"
        + "\t"
        + prefix
        + "expire-after-write (such as 10m)\n"
        + "\t"
        + prefix
        + "expire-after-access (such as 1h)\n"
        + "\t"
        + prefix
        + "values=weak (entries live while their value is referenced elsewhere)\n"
        + "or choose a preset with "
        + prefix
        + "preset=reports or "
        + prefix
        + "preset=trials.";
  }

  private static String toPropertyKeys(String builderMessage, String propertyPrefix) {
    Matcher matcher = SETTING.matcher(builderMessage);
    StringBuilder message = new StringBuilder();
    while (matcher.find()) {
      String key = propertyPrefix + "." + PROPERTY_SUFFIXES.get(matcher.group(1));
      matcher.appendReplacement(message, Matcher.quoteReplacement(key));
    }
    matcher.appendTail(message);
    return message.toString();
  }
}
