package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReferenceChainTest {

  private static final Map<String, Holder> HOLDERS = new HashMap<>();

  @AfterEach
  void clear() {
    HOLDERS.clear();
  }

  @Test
  void fromStaticFields_namesFieldsAndTypes() {
    Holder holder = new Holder(new Object[] {null, new Target()});
    HOLDERS.put("key", holder);

    Optional<ReferenceChain> chain =
        ReferenceChain.fromStaticFields(
            holder.items[1], List.of(ReferenceChainTest.class), ReferenceChain.DEFAULT_MAX_OBJECTS);

    assertThat(chain).isPresent();
    assertThat(chain.get().steps())
        .startsWith("ReferenceChainTest.HOLDERS (java.util.HashMap)")
        .endsWith(
            ".value (dev.heapbound.core.ReferenceChainTest$Holder)",
            ".items (java.lang.Object[])",
            "[1] (dev.heapbound.core.ReferenceChainTest$Target)");
    assertThat(chain.get().toString()).doesNotContain("key");
  }

  @Test
  void find_ignoresWeakReferences() {
    Target target = new Target();
    WeakReference<Target> weak = new WeakReference<>(target);

    Optional<ReferenceChain> chain =
        ReferenceChain.find(target, Map.of("weak", weak), ReferenceChain.DEFAULT_MAX_OBJECTS);

    assertThat(chain).isEmpty();
  }

  @Test
  void find_emptyWhenUnreachable() {
    Optional<ReferenceChain> chain =
        ReferenceChain.find(new Target(), Map.of("holder", new Holder(new Object[1])), 1_000);

    assertThat(chain).isEmpty();
  }

  private static final class Holder {
    final Object[] items;

    Holder(Object[] items) {
      this.items = items;
    }
  }

  private static final class Target {}
}
