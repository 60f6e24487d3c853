package dev.heapbound.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;

class ConfigurationMetadataTests {

  @Test
  void metadata_documentsEveryKey() throws IOException {
    Map<String, ConfigurationMetadataProperty> properties = heapboundProperties();

    assertThat(properties)
        .containsOnlyKeys(
            "heapbound.cache.enabled",
            "heapbound.cache.caches",
            "heapbound.cache.dynamic.enabled",
            "heapbound.cache.dynamic.maximum-caches",
            "heapbound.cache.dynamic.preset",
            "heapbound.cache.dynamic.maximum-size",
            "heapbound.cache.dynamic.maximum-bytes",
            "heapbound.cache.dynamic.expire-after-write",
            "heapbound.cache.dynamic.expire-after-access",
            "heapbound.cache.dynamic.values");
    assertThat(properties.values())
        .allSatisfy(
            property -> assertThat(property.getDescription()).as(property.getId()).isNotBlank());
  }

  @Test
  void metadata_recordsTypesAndDefaults() throws IOException {
    Map<String, ConfigurationMetadataProperty> properties = heapboundProperties();

    assertThat(properties.get("heapbound.cache.caches").getType())
        .isEqualTo(
            "java.util.Map<java.lang.String,"
                + "dev.heapbound.spring.HeapboundCacheProperties$CacheSpec>");
    assertThat(properties.get("heapbound.cache.dynamic.maximum-bytes").getType())
        .isEqualTo("org.springframework.util.unit.DataSize");
    assertThat(properties.get("heapbound.cache.dynamic.expire-after-write").getType())
        .isEqualTo("java.time.Duration");
    assertThat(properties.get("heapbound.cache.enabled").getDefaultValue()).isEqualTo(true);
    assertThat(properties.get("heapbound.cache.dynamic.maximum-caches").getDefaultValue())
        .isEqualTo(100);
  }

  @Test
  void metadata_hintsValuesAndPresets() throws IOException {
    Map<String, ConfigurationMetadataProperty> properties = heapboundProperties();

    assertThat(properties.get("heapbound.cache.dynamic.values").getHints().getValueHints())
        .extracting(hint -> hint.getValue())
        .containsExactly("strong", "weak", "soft");
    assertThat(properties.get("heapbound.cache.dynamic.preset").getHints().getValueHints())
        .extracting(hint -> hint.getValue())
        .containsExactly("trials", "reports");
  }

  /** Reads the metadata of every jar and folder on the class path, and keeps heapbound's keys. */
  private static Map<String, ConfigurationMetadataProperty> heapboundProperties()
      throws IOException {
    ConfigurationMetadataRepositoryJsonBuilder builder =
        ConfigurationMetadataRepositoryJsonBuilder.create();
    Enumeration<URL> resources =
        ConfigurationMetadataTests.class
            .getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json");
    for (URL resource : Collections.list(resources)) {
      try (InputStream json = resource.openStream()) {
        builder.withJsonResource(json);
      }
    }
    Map<String, ConfigurationMetadataProperty> heapbound = new TreeMap<>();
    builder
        .build()
        .getAllProperties()
        .forEach(
            (name, property) -> {
              if (name.startsWith("heapbound.")) {
                heapbound.put(name, property);
              }
            });
    return heapbound;
  }
}
