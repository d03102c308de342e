package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.workspace.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A story that leaves keeps its revert script as pending until it returns. */
class BackOutTest {
    static final String REVERT = "DROP TABLE IF EXISTS analytics.gone;\n";

    /**
     * The previous output: the minimal prod tree plus a story `gone` with a schema folder, in plan
     * format 1 (numbered folders, no change names), as older outputs have it.
     */
    static PreviousOutput previousWithGone(CompiledEnvironment fresh) {
        Map<String, String> files = new TreeMap<>(fresh.tree().texts());
        files.put("warehouse/03-gone/revert.sql", REVERT);
        files.put(OutputLayout.PLAN, files.get(OutputLayout.PLAN)
                + "\n[[change]]\norder = 3\nstory = \"gone\"\nfolder = \"warehouse/03-gone\"\n");
        Map<String, String> stories = new TreeMap<>(fresh.lock().stories());
        stories.put("gone", "f".repeat(40));
        LockFile lock = new LockFile("9.9.8", "prod", "sha256:old", "r0", new TreeMap<>(stories));
        return new PreviousOutput(Optional.of(lock), path -> Optional.ofNullable(files.get(path)));
    }

    @Test
    void nothingLeftMeansTheTreeIsUnchanged() {
        CompiledEnvironment fresh = MinimalProject.built("prod");

        assertThat(BackOut.apply(fresh, PreviousOutput.none())).isSameAs(fresh);
    }

    @Test
    void aStoryThatLeftKeepsItsRevertUnderPendingRevertsAndInThePlan() {
        CompiledEnvironment fresh = MinimalProject.built("prod");

        CompiledEnvironment backedOut = BackOut.apply(fresh, previousWithGone(fresh));

        Map<String, String> texts = backedOut.tree().texts();
        assertThat(texts).containsEntry("warehouse/pending-reverts/gone/base/revert.sql", REVERT);
        assertThat(texts.keySet()).filteredOn(p -> !fresh.tree().texts().containsKey(p))
                .containsExactly("warehouse/pending-reverts/gone/base/revert.sql");
        assertThat(WarehousePlan.pendingRevertsIn(texts.get(OutputLayout.PLAN))).containsExactly(
                new WarehousePlan.PendingRevert("gone", "base", "warehouse/pending-reverts/gone/base/revert.sql",
                        Sha256.tagged(REVERT)));
        assertThat(backedOut.lock()).isEqualTo(fresh.lock());
    }

    @Test
    void aPendingRevertStaysAcrossCompilesUntilItsStoryReturns() {
        CompiledEnvironment fresh = MinimalProject.built("prod");
        CompiledEnvironment once = BackOut.apply(fresh, previousWithGone(fresh));
        PreviousOutput afterOnce = new PreviousOutput(Optional.of(once.lock()),
                path -> Optional.ofNullable(once.tree().texts().get(path)));

        CompiledEnvironment twice = BackOut.apply(fresh, afterOnce);

        assertThat(twice.tree().texts()).isEqualTo(once.tree().texts());
    }
}
