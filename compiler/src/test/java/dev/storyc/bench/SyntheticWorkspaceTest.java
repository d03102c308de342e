package dev.storyc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated workspace is a valid one, so benchmarks time a check that passes, not error output. */
class SyntheticWorkspaceTest {
    @Test
    void aGeneratedWorkspacePassesEveryCheck(@TempDir Path temp) {
        Path workspace = new SyntheticWorkspace(temp.resolve("ws"), 60, 3).write();
        Storyc.Outcome outcome = Storyc.run(workspace, Map.of("SYNTHETIC_WAREHOUSE_PASSWORD", "synthetic-pw"),
                "check", "--all");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).contains("ok  production       r1         48 stories")
                .contains("60 stories");
    }
}
