package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.phi.TreatmentSql;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed team's week, replayed end to end in a real git repository: stories land, a release is
 * cut and sealed, acceptance tests it, main moves on, a story fails acceptance and is backed out by
 * deleting its line, and production ships exactly what acceptance tested.
 */
class SeedWeekTest {
    @TempDir
    Path workspace;

    @Test
    void aWeekOfReleases() throws Exception {
        Checkout.copyExampleWorkspace(workspace);
        Files.delete(workspace.resolve("releases/2026-W48.toml"));
        Checkout.write(workspace.resolve("environments.toml"), Checkout.read(workspace.resolve("environments.toml"))
                .replace("release = \"2026-W48\"", "release = \"2026-W47\""));
        commit("cobbr2", "W47 is what production and acceptance run");
        ok("compile", "--env", "production", "--env", "acceptance-1");
        String production = head("production");

        // 1. Three developers' stories land on main.
        append("stories/care-gaps/views/care_gaps.view.lkml", "# cobbr2: HbA1c window reviewed\n");
        commit("cobbr2", "care-gaps: review the HbA1c window");
        append("stories/appointments/views/appointments.view.lkml", "# alice: no-show reasons\n");
        commit("alice", "appointments: no-show reasons");
        append("stories/research-extract/views/research_cohort_cells.view.lkml", "# bob: cell size documented\n");
        commit("bob", "research-extract: document the cell size");

        // 2. W48 is created from W47 and sealed.
        assertThat(ok("release", "new", "--week").stdout()).contains("created releases/2026-W48.toml from 2026-W47");
        ok("release", "add", "2026-W48", "care-gaps", "research-extract");
        commit("cobbr2", "Release 2026-W48");
        ok("release", "seal", "2026-W48");
        commit("cobbr2", "Seal 2026-W48");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W48.toml")))
                .contains("appointments = \"" + git(workspace, "rev-parse", "HEAD:stories/appointments") + "\"");

        // 3. Acceptance is promoted to it.
        ok("release", "promote", "2026-W48", "--to", "acceptance-1");
        commit("cobbr2", "acceptance-1 tests 2026-W48");
        assertThat(ok("compile", "--env", "production", "--env", "acceptance-1").stdout())
                .contains("unchanged production").contains("committed acceptance-1");
        Path acceptance = out("acceptance-1");
        assertThat(git(acceptance, "log", "-1", "--format=%B", "main"))
                .contains("added: care-gaps\nadded: research-extract\nchanged: appointments")
                .contains("Storyc-Release: 2026-W48");
        assertThat(git(acceptance, "rev-parse", "release/2026-W48")).isEqualTo(head("acceptance-1"));
        assertThat(folders(acceptance, "views")).contains("care-gaps", "research-extract");

        // 4. Main moves on; production's output does not change.
        append("stories/claims/views/claims.view.lkml", "# next week's work\n");
        append("stories/appointments/views/appointments.view.lkml", "# more next week\n");
        commit("alice", "Work for W49");
        ok("compile", "--env", "production", "--env", "acceptance-1");
        assertThat(head("production")).isEqualTo(production);
        assertThat(git(acceptance, "show", "main:views/claims/claims.view.lkml")).doesNotContain("next week");

        // 5. care-gaps fails acceptance: its line is deleted.
        Path w48 = workspace.resolve("releases/2026-W48.toml");
        String before = Checkout.read(w48);
        Checkout.write(w48, before.replace("  \"care-gaps\",\n", "")
                .replaceAll("care-gaps = \"[0-9a-f]{40}\"\n", ""));
        assertThat(diffLines(before, Checkout.read(w48))).hasSize(2);
        commit("cobbr2", "Back care-gaps out of 2026-W48: failed acceptance");

        // 6. Acceptance recompiles without any of the story's files, and says it was backed out.
        String tested = head("acceptance-1");
        assertThat(ok("compile", "--env", "acceptance-1").stdout()).contains("backed out: care-gaps");
        // Tags never move: what acceptance tested keeps its tag, and the back-out gets the next.
        assertThat(git(acceptance, "rev-parse", "release/2026-W48")).isEqualTo(tested);
        assertThat(git(acceptance, "rev-parse", "release/2026-W48+2")).isEqualTo(head("acceptance-1"));
        String files = git(acceptance, "ls-tree", "-r", "--name-only", "main");
        assertThat(files.lines().filter(f -> f.contains("care-gaps") || f.contains("care_gaps")))
                .containsExactly("warehouse/pending-reverts/care-gaps/base/revert.sql");
        assertThat(git(acceptance, "log", "-1", "--format=%B", "main")).contains("backed out: care-gaps")
                .doesNotContain("added:");
        assertThat(git(acceptance, "show", "main:warehouse/plan.toml"))
                .contains("[[pending_revert]]\nid = \"care-gaps/base\"\nstory = \"care-gaps\"\nchange = \"base\"\n"
                        + "script = \"warehouse/pending-reverts/care-gaps/base/revert.sql\"");
        assertThat(git(acceptance, "show", "main:warehouse/pending-reverts/care-gaps/base/revert.sql")).contains("DROP");
        assertThat(git(acceptance, "diff", "--name-only", "main~1", "main").lines())
                .allMatch(f -> f.contains("care") || f.equals("storyc.lock") || f.equals("warehouse/plan.toml")
                        || f.equals("warehouse.model.lkml") || f.equals("README.md") || f.startsWith("schedules/"));
        // Its schedule entries leave in the same commit: cron and Kubernetes no longer run its job.
        for (String schedule : List.of("schedules/crontab", "schedules/kubernetes.yaml")) {
            assertThat(git(acceptance, "show", "main~1:" + schedule)).contains("care-gaps/build_care_gaps");
            assertThat(git(acceptance, "show", "main:" + schedule)).doesNotContain("care-gaps")
                    .contains("patients/load_patients");
        }

        // 7. Production is promoted to the corrected W48; its output equals acceptance's but for values.
        ok("release", "promote", "2026-W48", "--to", "production");
        commit("cobbr2", "Production runs 2026-W48");
        ok("compile", "--env", "production");
        Path prod = out("production");
        assertThat(git(prod, "log", "-1", "--format=%B", "main")).contains("added: research-extract")
                .contains("Storyc-Release: 2026-W48");
        assertThat(git(prod, "rev-parse", "release/2026-W48")).isEqualTo(head("production"));
        // Stable paths: promoting adds folders and deletes or renames none of production's scripts.
        assertThat(git(prod, "diff", "--name-only", "--diff-filter=DR", "main~1", "main").lines()
                .filter(f -> f.startsWith("warehouse/"))).isEmpty();
        assertThat(section(git(prod, "show", "main:storyc.lock"), "[stories]"))
                .isEqualTo(section(git(acceptance, "show", "main:storyc.lock"), "[stories]"));
        Map<String, String> prodFiles = tree(prod);
        Map<String, String> accFiles = tree(acceptance);
        accFiles.keySet().removeIf(path -> path.startsWith("warehouse/pending-reverts/"));
        assertThat(prodFiles.keySet()).isEqualTo(accFiles.keySet());
        for (String path : prodFiles.keySet()) {
            if (path.equals("warehouse/plan.toml") || path.equals("storyc.lock")
                    || path.equals("README.md") || path.equals("schedules/kubernetes.yaml")
                    || path.equals("warehouse/connection.toml")) {
                // the kind differs by environment; plan and lock carry their hashes;
                // CronJob names hold the environment and are cut to 52 characters at different places;
                // each environment's warehouse is its own.
                continue;
            }
            assertSameButForPhi(path, neutral(prodFiles.get(path), "production", "analytics_prod"),
                    neutral(accFiles.get(path), "acceptance-1", "analytics_acc1"));
        }
    }

    /**
     * Asserts that acceptance's file is production's but for PHI: the treatment keeps every line
     * where it was (docs/phi.md), so the files have the same lines and each line that differs is
     * one that acceptance's policy treats (a pseudonym, a redaction, a year).
     */
    private static void assertSameButForPhi(String path, String production, String acceptance) {
        List<String> prodLines = production.lines().toList();
        List<String> accLines = acceptance.lines().toList();
        assertThat(accLines).as(path).hasSameSizeAs(prodLines);
        for (int i = 0; i < prodLines.size(); i++) {
            if (!prodLines.get(i).equals(accLines.get(i))) {
                assertThat(accLines.get(i)).as(path + ":" + (i + 1))
                        .containsAnyOf("MD5(", TreatmentSql.REDACTED_TEXT, "DATE_TRUNC('year'",
                                TreatmentSql.REDACTED_DATE);
            }
        }
    }

    private Storyc.Outcome ok(String... args) {
        Storyc.Outcome outcome = Storyc.run(workspace, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        return outcome;
    }

    private void commit(String author, String message) {
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=" + author, "-c", "user.email=" + author + "@example.com", "commit", "-q",
                "-m", message);
    }

    private void append(String file, String text) throws Exception {
        Path path = workspace.resolve(file);
        Files.writeString(path, Files.readString(path) + text);
    }

    private Path out(String environment) {
        return workspace.resolve("out").resolve(environment);
    }

    private String head(String environment) {
        return git(out(environment), "rev-parse", "main");
    }

    private static List<String> folders(Path repository, String folder) {
        return Arrays.asList(git(repository, "ls-tree", "--name-only", "main:" + folder).split("\n"));
    }

    private static Map<String, String> tree(Path repository) {
        Map<String, String> files = new TreeMap<>();
        for (String path : git(repository, "ls-tree", "-r", "--name-only", "main").split("\n")) {
            files.put(path, git(repository, "show", "main:" + path));
        }
        return files;
    }

    private static String neutral(String text, String environment, String database) {
        return text.replace(environment, "ENV").replace(database, "DB").replace("looker_" + database, "CONN")
                .replaceAll("sha256:[0-9a-f]{64}", "HASH");
    }

    private static String section(String text, String header) {
        return text.substring(text.indexOf(header));
    }

    private static List<String> diffLines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        return a.stream().filter(line -> !b.contains(line)).collect(Collectors.toList());
    }
}
