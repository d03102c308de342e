package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.OutputLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One environment's commit through an in-memory store: summary, message, tags and back-out. */
class OutputCommitTest {
    static final ProjectCompiler.Compiled COMPILED = new ProjectCompiler(ExampleProject.inputs(),
            new ProjectCompilerTest.RecordingPins(story -> story), 1).compile(ExampleProject.all());

    static CompiledEnvironment compiled(String name) {
        return COMPILED.environments().stream()
                .filter(c -> c.environment().name().equals(name)).findFirst()
                .orElseThrow();
    }

    static OutputCommit.Outcome commit(MemoryStore store, CompiledEnvironment environment) {
        return OutputCommit.commit(store, environment, ExampleProject.WORKSPACE.stdlib(),
                COMPILED.compiler().renderer(), "abc1234 (main)");
    }

    @Test
    void aFirstCommitAddsEveryStoryAndAnIdenticalSecondMakesNoCommit() {
        MemoryStore store = new MemoryStore();
        CompiledEnvironment integration = compiled("integration");

        OutputCommit.Outcome first = commit(store, integration);
        OutputCommit.Outcome second = commit(store, integration);

        assertThat(first.committed()).isTrue();
        assertThat(first.commit().id()).isEqualTo("c1");
        assertThat(first.summary().added())
                .containsExactlyElementsOf(integration.lock().stories().keySet());
        assertThat(first.summary().removed()).isEmpty();
        assertThat(store.trees.get(0)).isEqualTo(integration.tree().texts());
        assertThat(store.messages.get(0)).contains("abc1234 (main)")
                .contains(integration.environment().hash());
        assertThat(second.committed()).isFalse();
        assertThat(second.commit().id()).isEqualTo("c1");
        assertThat(second.summary().added()).isEmpty();
        assertThat(second.summary().changed()).isEmpty();
        assertThat(store.trees).hasSize(1);
        assertThat(store.tags).isEmpty();
    }

    @Test
    void aSealedReleasesCompileIsTaggedWithTheRelease() {
        MemoryStore store = new MemoryStore();

        OutputCommit.Outcome outcome = commit(store, compiled("production"));

        assertThat(store.tags)
                .containsExactly(Map.entry("release/2026-W47", outcome.commit().id()));
        assertThat(OutputCommit.releaseTag("2026-W48")).isEqualTo("release/2026-W48");
    }

    @Test
    void storiesThatLeaveKeepTheirRevertScriptsAsPending() {
        MemoryStore store = new MemoryStore();
        CompiledEnvironment everything = compiled("dev-alice");
        CompiledEnvironment sealed = compiled("production");
        commit(store, everything);

        OutputCommit.Outcome outcome = commit(store, sealed);

        List<String> gone = everything.lock().stories().keySet().stream()
                .filter(id -> !sealed.lock().stories().containsKey(id)).sorted().toList();
        assertThat(gone).isNotEmpty();
        assertThat(outcome.summary().removed()).containsExactlyElementsOf(gone);
        Map<String, String> head = store.trees.get(1);
        for (String story : gone) {
            String revert = everything.tree().texts().entrySet().stream()
                    .filter(e -> e.getKey().matches("warehouse/\\d+-" + story + "/revert\\.sql"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (revert != null) {
                String pending = "warehouse/pending-reverts/" + story + "/revert.sql";
                assertThat(head).containsEntry(pending, revert);
                assertThat(head.get(OutputLayout.PLAN)).contains(pending);
            }
        }
        assertThat(head.keySet()).anyMatch(p -> p.startsWith("warehouse/pending-reverts/"));
    }
}
