package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.cache.TextFiles;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.Memo;
import dev.storyc.etl.ScheduleFiles;
import dev.storyc.publish.GitContentIds;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schedules are slow to write and rarely change, so a compile may take them from a memo keyed by
 * everything they derive from; the tree must be the same either way, and the key must differ
 * wherever the schedules may.
 */
class ScheduleMemoTest {
    /** A memo in memory that records which keys it was asked for and which it derived. */
    static final class RecordingMemo implements Memo {
        final Map<String, byte[]> stored = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<String> derived = new ArrayList<>();

        @Override
        public Map<String, String> files(
                String key, java.util.function.Supplier<Map<String, String>> derive) {
            asked.add(key);
            if (stored.containsKey(key)) {
                return TextFiles.decode(stored.get(key)).orElseThrow();
            }
            derived.add(key);
            Map<String, String> files = derive.get();
            stored.put(key, TextFiles.encode(files));
            return files;
        }
    }

    static CompiledEnvironment compile(String environment, Memo memo) {
        EnvironmentCompiler compiler =
                new EnvironmentCompiler(
                        ExampleProject.WORKSPACE,
                        new GitContentIds(),
                        "0.0.0-test",
                        ExampleProject.EVALUATION.environments(),
                        name -> Optional.empty(),
                        memo);
        var result = compiler.compile(ExampleProject.named(environment));
        assertThat(result.ok()).as(result.diagnostics().toString()).isTrue();
        return result.get();
    }

    @Test
    void aRememberedScheduleGivesTheTreeADerivedOneGives() {
        RecordingMemo memo = new RecordingMemo();
        CompiledEnvironment plain = compile("integration", Memo.NONE);
        CompiledEnvironment first = compile("integration", memo);
        CompiledEnvironment second = compile("integration", memo);

        assertThat(memo.asked).hasSize(2);
        assertThat(memo.derived).hasSize(1);
        assertThat(second.tree()).isEqualTo(plain.tree()).isEqualTo(first.tree());
        assertThat(second.tree().file(ScheduleFiles.KUBERNETES).orElseThrow().text())
                .contains("kind: CronJob");
    }

    @Test
    void theKeyDiffersPerEnvironment() {
        RecordingMemo memo = new RecordingMemo();
        compile("integration", memo);
        compile("acceptance-1", memo);
        compile("dev-alice", memo);
        assertThat(memo.derived).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void filesSurviveTheirPayloadAndAForeignPayloadIsNoFiles() {
        Map<String, String> files =
                Map.of("schedules/crontab", "# ü\n0 * * * * job\n", "empty", "");
        assertThat(TextFiles.decode(TextFiles.encode(files)))
                .contains(new java.util.TreeMap<>(files));
        byte[] payload = TextFiles.encode(files);
        assertThat(TextFiles.decode(java.util.Arrays.copyOf(payload, payload.length - 1)))
                .isEmpty();
        assertThat(TextFiles.decode("not files".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(TextFiles.decode(new byte[0])).isEmpty();
    }

    @Test
    void deflatedFilesSurviveTheirPayloadAndADamagedOneIsNoFiles() {
        Map<String, String> files = Map.of("schedules/kubernetes.yaml",
                "- kind: CronJob\n  name: \u00e9\n".repeat(10_000), "empty", "");
        byte[] deflated = TextFiles.deflated(files);
        assertThat(deflated.length).isLessThan(TextFiles.encode(files).length / 20);
        assertThat(TextFiles.decode(deflated)).contains(new java.util.TreeMap<>(files));
        assertThat(TextFiles.decode(java.util.Arrays.copyOf(deflated, deflated.length - 1)))
                .isEmpty();
        byte[] longer = java.util.Arrays.copyOf(deflated, deflated.length + 1);
        assertThat(TextFiles.decode(longer)).isEmpty();
        byte[] claimsMore = deflated.clone();
        claimsMore[4] = 0x7f;
        assertThat(TextFiles.decode(claimsMore)).isEmpty();
        byte[] claimsLess = deflated.clone();
        claimsLess[7]--;
        assertThat(TextFiles.decode(claimsLess)).isEmpty();
        byte[] garbled = deflated.clone();
        garbled[20] ^= 0x55;
        assertThat(TextFiles.decode(garbled)).isEmpty();
    }
}
