package dev.storyc.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A clean run survives its payload exactly, and nothing else decodes as one. */
class CleanRunTest {
    private static final long CLOCK = 1_780_000_000_000L;

    private static CleanRun run(long newestChange) {
        return new CleanRun(CLOCK, "ab".repeat(32), newestChange,
                List.of("shared/a.toml", "shared/b.toml"), List.of("env:HOME", "sys:user.home"),
                "cd".repeat(32), List.of(
                        new CleanRun.Output("production", "/ws/out/production", "/ws", "main",
                                Optional.of("release/2026-W47"), true, Optional.of("head "
                                        + "1".repeat(40) + "\ntag x\nindex true\nconfig 1 2 3"),
                                "2026-W47", 4),
                        new CleanRun.Output("dev-alice", "/ws/out/dev alice", "/ws", "main",
                                Optional.empty(), false, Optional.of("head " + "2".repeat(40)),
                                "all", 12),
                        // A check's: it wrote nothing, so it has no repository facts.
                        new CleanRun.Output("integration", "/elsewhere/integration", "/elsewhere",
                                "main", Optional.empty(), false, Optional.empty(), "all", 12)));
    }

    @Test
    void aRunDecodesToItself() {
        CleanRun run = run(0);

        assertThat(CleanRun.decode(run.encode())).contains(run);
    }

    @Test
    void aRunWithoutImportsOrReadsDecodesToItself() {
        CleanRun run = new CleanRun(CLOCK, "s", 0, List.of(), List.of(), "d", List.of());

        assertThat(CleanRun.decode(run.encode())).contains(run);
    }

    @Test
    void otherPayloadsAreNotRuns() {
        byte[] files = TextFiles.encode(java.util.Map.of("format", "storyc-clean-run-0"));
        byte[] truncated = java.util.Arrays.copyOf(run(0).encode(), 40);

        assertThat(CleanRun.decode(files)).isEmpty();
        assertThat(CleanRun.decode(truncated)).isEmpty();
        assertThat(CleanRun.decode(new byte[0])).isEmpty();
    }

    @Test
    void onlyInputsOlderThanTheRacyMarginAreTrusted() {
        long start = TimeUnit.MILLISECONDS.toNanos(CLOCK);

        assertThat(run(start - CleanRun.RACY_NANOS - 1).trusted()).isTrue();
        assertThat(run(start - CleanRun.RACY_NANOS).trusted()).isFalse();
        assertThat(run(start + 5).trusted()).isFalse();
    }
}
