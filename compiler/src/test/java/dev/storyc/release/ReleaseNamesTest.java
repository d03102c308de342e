package dev.storyc.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only real ISO weeks count as weeks of the release train; other names never throw. */
class ReleaseNamesTest {
    @Test
    void namesThatLookLikeWeeksButAreNoneAreNotWeeks() {
        assertThat(ReleaseNames.isWeek("2026-W48")).isTrue();
        assertThat(ReleaseNames.isWeek("2026-W52")).isTrue();
        assertThat(ReleaseNames.isWeek("2026-W53")).as("2026 has 53 weeks").isTrue();
        assertThat(ReleaseNames.isWeek("2025-W53")).as("2025 has 52").isFalse();
        assertThat(ReleaseNames.isWeek("2026-W00")).isFalse();
        assertThat(ReleaseNames.isWeek("2026-W99")).isFalse();
        assertThat(ReleaseNames.isWeek("hotfix")).isFalse();
    }

    @Test
    void theNextAndNewestWeekPassOverNamesThatAreNoWeek() {
        List<String> names = List.of("2026-W47", "2026-W48", "2026-W99", "2026-W00", "2025-W53");
        assertThat(ReleaseNames.nextWeek(names)).contains("2026-W49");
        assertThat(ReleaseNames.newestWeek(names)).contains("2026-W48");
        assertThat(ReleaseNames.nextWeek(List.of("2026-W52"))).contains("2026-W53");
        assertThat(ReleaseNames.nextWeek(List.of("2025-W52"))).contains("2026-W01");
        assertThat(ReleaseNames.nextWeek(List.of("2026-W99"))).isEmpty();
    }

    /** A name is also a tag, release/NAME: what git refuses in a ref is refused (round 14). */
    @org.junit.jupiter.api.Test
    void aNameGitCannotTagIsNoReleaseName() {
        assertThat(List.of("2026-W49", "hotfix.1", "v1.2-rc_3", "a.b.c"))
                .allSatisfy(name -> assertThat(ReleaseNames.isValid(name)).as(name).isTrue());
        assertThat(List.of("a..b", "x.lock", "ends.", "all", "-x", ".x", "a b", "a/b", "x".repeat(101)))
                .allSatisfy(name -> assertThat(ReleaseNames.isValid(name)).as(name).isFalse());
    }
}
