package dev.heapbound.spring;

import java.util.List;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;

/**
 * Turns a key under {@code heapbound.cache} that no property binds, such as a misspelled {@code
 * maximum-sise}, into Spring Boot's failure report: one line per unknown key, with the cache it
 * belongs to, the closest known key and where the key was set.
 *
 * <p>It runs before Spring Boot's own analyzer of unbound properties, whose description starts with
 * the internal description of the binding target, and leaves keys under other prefixes to it.
 */
class UnknownCachePropertyFailureAnalyzer
    extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> implements Ordered {

  private static final String PREFIX = "heapbound.cache";
  private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PREFIX);

  private static final List<String> ROOT_KEYS = List.of("enabled", "caches", "dynamic");

  private static final List<String> SPEC_KEYS =
      List.of(
          "preset",
          "maximum-size",
          "maximum-bytes",
          "expire-after-write",
          "expire-after-access",
          "values");

  private static final List<String> DYNAMIC_KEYS =
      List.of(
          "enabled",
          "maximum-caches",
          "preset",
          "maximum-size",
          "maximum-bytes",
          "expire-after-write",
          "expire-after-access",
          "values");

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
    List<ConfigurationProperty> unknown = List.copyOf(cause.getUnboundProperties());
    boolean allHeapbound =
        !unknown.isEmpty() && unknown.stream().allMatch(p -> ROOT.isAncestorOf(p.getName()));
    if (!allHeapbound) {
      return null;
    }
    List<String> lines =
        unknown.stream().map(UnknownCachePropertyFailureAnalyzer::describe).toList();
    return new FailureAnalysis(String.join("\n", lines), action(), cause);
  }

  /** Runs before Spring Boot's analyzers, which keep the default, lowest precedence. */
  @Override
  public int getOrder() {
    return 0;
  }

  /** Describes one unknown key, as in {@code ... is not a known property (cache 'reports')}. */
  static String describe(ConfigurationProperty property) {
    ConfigurationPropertyName name = property.getName();
    StringBuilder line = new StringBuilder(name.toString()).append(" is not a known property");
    String section = name.getElement(2, ConfigurationPropertyName.Form.UNIFORM);
    String cacheName = null;
    String prefix = PREFIX;
    int keyIndex = 2;
    List<String> knownKeys = ROOT_KEYS;
    if (section.equals("caches") && name.getNumberOfElements() > 4) {
      cacheName = name.getElement(3, ConfigurationPropertyName.Form.ORIGINAL);
      prefix = CacheFactory.declaredPrefix(cacheName);
      keyIndex = 4;
      knownKeys = SPEC_KEYS;
    } else if (section.equals("dynamic") && name.getNumberOfElements() > 3) {
      prefix = CacheFactory.DYNAMIC_PREFIX;
      keyIndex = 3;
      knownKeys = DYNAMIC_KEYS;
    }

    if (cacheName != null) {
      line.append(" (cache '").append(cacheName).append("')");
    }
    Origin origin = property.getOrigin();
    if (origin != null) {
      line.append(", set in ").append(origin);
    }
    String key = name.getElement(keyIndex, ConfigurationPropertyName.Form.DASHED);
    String closest = ClosestName.closest(key, knownKeys).orElse(null);
    line.append(closest == null ? "; " : "; did you mean " + prefix + "." + closest + "? ");
    return line.append("known keys under ")
        .append(prefix)
        .append(": ")
        .append(String.join(", ", knownKeys))
        .toString();
  }

  private static String action() {
    return "Correct the misspelled keys under "
        + PREFIX
        + ", or remove them. A cache under "
        + CacheFactory.CACHES_PREFIX
        + " takes "
        + String.join(", ", SPEC_KEYS)
        + ".";
  }
}
