package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a commit says changed, between two locks. */
class ChangeSummaryTest {
    static LockFile lock(Map<String, String> stories) {
        return new LockFile("1", "prod", "sha256:h", "r1", new TreeMap<>(stories));
    }

    @Test
    void aFirstCompileAddsEveryStory() {
        ChangeSummary summary =
                ChangeSummary.between(Optional.empty(), lock(Map.of("b", "2", "a", "1")));

        assertThat(summary).isEqualTo(new ChangeSummary(java.util.List.of("a", "b"),
                java.util.List.of(),
                java.util.List.of()));
        assertThat(summary.describe(true)).isEqualTo("2 added, 0 backed out, 0 changed");
    }

    @Test
    void addedRemovedAndChangedAreSortedAndBackOutsAreNamed() {
        ChangeSummary summary = ChangeSummary.between(
                Optional.of(lock(Map.of("a", "1", "c", "3", "z", "9", "y", "8"))),
                lock(Map.of("a", "1", "b", "2", "c", "4")));

        assertThat(summary.added()).containsExactly("b");
        assertThat(summary.removed()).containsExactly("y", "z");
        assertThat(summary.changed()).containsExactly("c");
        assertThat(summary.describe(true))
                .isEqualTo("1 added, 2 backed out, 1 changed; backed out: y, z");
        assertThat(summary.describe(false)).isEqualTo("1 added, 2 removed, 1 changed");
    }
}
