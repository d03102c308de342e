package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lock is read on every compile; the line reader must read exactly what the TOML reader reads,
 * and hand anything it does not fully recognise to it.
 */
class LockFileTest {
    static LockFile lock(String... stories) {
        TreeMap<String, String> trees = new TreeMap<>();
        for (int i = 0; i < stories.length; i++) {
            trees.put(stories[i], String.format("%040x", i + 1));
        }
        return new LockFile("0.1.0", "production", "sha256:" + "a".repeat(64), "2026-W47", trees);
    }

    @Test
    void theLineReaderReadsWhatTheWriterWrote() {
        for (LockFile lock :
                List.of(lock(), lock("patients"), lock("patients", "claims", "care-gaps"))) {
            assertThat(LockFile.parsePlain(lock.toToml())).contains(lock);
            assertThat(LockFile.parse(lock.toToml())).contains(lock);
            assertThat(LockFile.parseToml(lock.toToml())).contains(lock);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // an earlier or hand-edited layout: the TOML reader decides
                "compiler = \"0.1.0\"\n"
                    + "environment = \"production\"\n"
                    + "environment_hash = \"h\"\n"
                    + "release = \"r\"\n"
                    + "[stories]\n"
                    + "patients = \"t1\"\n",
                "compiler = '0.1.0'\n"
                    + "environment = 'p'\n"
                    + "environment_hash = 'h'\n"
                    + "release = 'r'\n\n"
                    + "[stories]\n",
                "compiler = \"0.1.0\" # a comment\n"
                    + "environment = \"p\"\n"
                    + "environment_hash = \"h\"\n"
                    + "release = \"r\"\n"
                    + "\n"
                    + "[stories]\n"
                    + "\"quoted\" = \"t\"\n",
                "compiler = \"0.\\u0031.0\"\n"
                    + "environment = \"p\"\n"
                    + "environment_hash = \"h\"\n"
                    + "release = \"r\"\n"
                    + "[stories]\n",
                // not a lock at all
                "[stories\n",
                "compiler = \"0.1.0\"\n",
                ""
            })
    void anythingElseIsReadByTheTomlReaderAlone(String text) {
        assertThat(LockFile.parsePlain(text)).isEmpty();
        assertThat(LockFile.parse(text)).isEqualTo(LockFile.parseToml(text));
    }

    @Test
    void aLockWhoseValuesNeedEscapesRoundTripsThroughTheTomlReader() {
        LockFile odd = new LockFile("0.1.0 \"dev\"", "production", "h", "r\\1", new TreeMap<>());
        assertThat(LockFile.parsePlain(odd.toToml())).isEmpty();
        assertThat(LockFile.parse(odd.toToml())).isEqualTo(Optional.of(odd));
    }

    @Test
    void aPlanWithoutPendingRevertsIsAnsweredWithoutParsing() {
        String plan = new WarehousePlan(List.of()).toToml();
        assertThat(WarehousePlan.cannotName(plan, "pending_revert")).isTrue();
        assertThat(WarehousePlan.pendingRevertsIn(plan)).isEmpty();
        String pending =
                plan
                        + WarehousePlan.pendingSection(
                                List.of(
                                        new WarehousePlan.PendingRevert(
                                                "claims",
                                                "base",
                                                "warehouse/pending-reverts/claims/base/revert.sql",
                                                "sha256:" + "b".repeat(64))));
        assertThat(WarehousePlan.cannotName(pending, "pending_revert")).isFalse();
        assertThat(WarehousePlan.pendingRevertsIn(pending))
                .extracting(WarehousePlan.PendingRevert::story)
                .containsExactly("claims");
        // A quoted key may spell the name with escapes; a backslash anywhere sends the text to the
        // parser.
        String escaped =
                plan
                        + "\n"
                        + "[[\"pending\\u005frevert\"]]\n"
                        + "story = \"claims\"\n"
                        + "script = \"s\"\n"
                        + "hash = \"h\"\n";
        assertThat(WarehousePlan.cannotName(escaped, "pending_revert")).isFalse();
        assertThat(WarehousePlan.pendingRevertsIn(escaped))
                .extracting(WarehousePlan.PendingRevert::story)
                .containsExactly("claims");
    }
}
