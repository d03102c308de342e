package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monday morning: a new workspace and new stories that are green from the first command. */
class ScaffoldCommandTest {
    @TempDir
    Path temp;

    @Test
    void initThenTheWholeFirstWeekIsGreenAtEveryStep() {
        Path workspace = temp.resolve("acme");
        Storyc.Outcome init = Storyc.runRaw(Map.of(), "init", workspace.toString(), "--developer", "Alice");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.stdout()).contains("project acme, developer alice");
        assertThat(Checkout.read(workspace.resolve(".gitignore"))).isEqualTo("out/\n.storyc/\nsite/\n");
        assertThat(Checkout.read(workspace.resolve("storyc.toml"))).contains("developer = \"alice\"")
                .containsPattern("required_version = \">=(\\d+)\\.(\\d+)\\.\\d+, <\\d+\\.\\d+\\.0\"");
        String workflow = Checkout.read(workspace.resolve(".github/workflows/storyc.yml"));
        assertThat(workflow).contains("fetch-depth: 0").contains("storyc version --check")
                .contains("storyc ci --jobs 2")
                .contains("curl -fsSL \"${{ vars.STORYC_DIST_URL }}/storyc-$STORYC_VERSION.tar.gz\" \\\n")
                .as("pinned to the archive this storyc came in").contains("STORYC_VERSION: \"" + Version.number() + "\"");
        Object parsed = new org.snakeyaml.engine.v2.api.Load(
                org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(workflow);
        assertThat(parsed).as("the workflow is valid YAML").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys("name", "on", "jobs", "env");
        String[] releases = workspace.resolve("releases").toFile().list();
        java.util.Arrays.sort(releases);
        String baseline = releases[0].replace(".toml", "");
        String week = releases[1].replace(".toml", "");
        assertThat(ok(workspace, "check", "--all").stdout()).contains("ok  dev-alice").contains("ok  production")
                .contains("ok  acceptance").contains("ok  integration");
        assertThat(ok(workspace, "env", "list").stdout())
                .containsPattern("production\\s+production\\s+" + baseline)
                .containsPattern("acceptance\\s+acceptance\\s+" + baseline);
        Storyc.Outcome empty = Storyc.run(workspace, "release", "seal", baseline);
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.stderr()).contains("error[E0312]: cannot seal `" + baseline + "`: it lists no stories");
        assertThat(Checkout.read(workspace.resolve("releases/" + baseline + ".toml"))).doesNotContain("[pins]");

        git(workspace, "init", "-q");
        commit(workspace, "A new storyc workspace");
        ok(workspace, "story", "new", "lab-results", "--title", "Lab results");
        ok(workspace, "story", "new", "lab-panels", "--requires", "lab-results");
        assertThat(ok(workspace, "check", "--all").stdout()).contains("ok  dev-alice        all        2 stories");
        assertThat(ok(workspace, "compile").stdout()).contains("committed dev-alice");

        ok(workspace, "release", "add", week, "lab-results", "lab-panels");
        assertThat(ok(workspace, "ci", "--jobs", "1").stdout())
                .containsPattern("integration\\s+all\\s+\\+2\\s+-0")
                .containsPattern("production\\s+" + baseline + "\\s+\\+0\\s+-0")
                .contains("3 environments compiled, 0 failed");
        commit(workspace, "Lab results and panels, in " + week);

        assertThat(ok(workspace, "release", "seal", week).stdout()).contains("sealed " + week + ": 2 stories pinned");
        ok(workspace, "release", "promote", week, "--to", "acceptance");
        commit(workspace, "Seal " + week + "; acceptance tests it");
        assertThat(ok(workspace, "ci", "--jobs", "1").stdout())
                .containsPattern("acceptance\\s+" + week + "\\s+\\+2\\s+-0");
        assertThat(git(workspace.resolve("out/acceptance"), "tag", "--list")).contains("release/" + week);

        ok(workspace, "release", "drop", week, "lab-panels");
        commit(workspace, "Back lab-panels out of " + week + ": failed acceptance");
        assertThat(ok(workspace, "ci", "--jobs", "1").stdout())
                .containsPattern("acceptance\\s+" + week + "\\s+\\+0\\s+-1 .*no remote; backed out: lab-panels \\(revert kept in warehouse/plan.toml\\)");
        assertThat(ok(workspace, "ci", "--jobs", "1").stdout()).as("still shown when nothing new is committed")
                .containsPattern("acceptance\\s+" + week + "\\s+\\+0\\s+-0 .*; backed out: lab-panels");

        ok(workspace, "release", "promote", week, "--to", "production");
        commit(workspace, "Production runs " + week);
        assertThat(ok(workspace, "ci", "--jobs", "1").stdout())
                .containsPattern("production\\s+" + week + "\\s+\\+1\\s+-0");
        assertThat(git(workspace.resolve("out/production"), "ls-tree", "-r", "--name-only", "main"))
                .contains("views/lab-results/lab_results.view.lkml", "warehouse/lab-results/base/deploy.sql",
                        "etl/lab-results/load_lab_results.sql")
                .doesNotContain("lab-panels");
        assertThat(ok(workspace, "check", "--all").stdout()).contains("ok  production       " + week);
    }

    @Test
    void filesInitAndStoryNewWriteFollowTheUmaskNotMode0600() throws Exception {
        Path workspace = temp.resolve("acme");
        assertThat(Storyc.runRaw(Map.of(), "init", workspace.toString()).exitCode()).isZero();
        ok(workspace, "story", "new", "lab-results");
        for (String file : List.of("environments.toml", "storyc.toml", "stories/lab-results/story.toml")) {
            assertThat(Files.getPosixFilePermissions(workspace.resolve(file)))
                    .as(file).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                    .hasSizeGreaterThan(2);
        }
        Files.setPosixFilePermissions(workspace.resolve("storyc.toml"), PosixFilePermissions.fromString("rw-r-----"));
        String release = workspace.resolve("releases").toFile().list()[0].replace(".toml", "");
        Files.setPosixFilePermissions(workspace.resolve("releases/" + release + ".toml"),
                PosixFilePermissions.fromString("rw-rw----"));
        ok(workspace, "release", "add", release, "lab-results");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(workspace.resolve("releases/" + release + ".toml"))))
                .isEqualTo("rw-rw----");
    }

    @Test
    void anEditKeepsTheLineEndingsOfTheFileItEdits() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("crlf"));
        Path release = workspace.resolve("releases/2026-W48.toml");
        Checkout.write(release, Checkout.read(release).replace("\n", "\r\n"));

        ok(workspace, "release", "add", "2026-W48", "medication-adherence");

        String edited = Checkout.read(release);
        assertThat(edited).contains("\"medication-adherence\"");
        assertThat(edited.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void initRefusesAFolderThatIsNotEmpty() {
        Checkout.write(temp.resolve("busy/notes.txt"), "mine\n");
        Storyc.Outcome outcome = Storyc.runRaw(Map.of(), "init", temp.resolve("busy").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("is not empty; nothing was written");
        assertThat(temp.resolve("busy").toFile().list()).containsExactly("notes.txt");
    }

    @Test
    void storyNewRefusesBadIdsExistingStoriesAndUnknownRequirements() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        assertThat(Storyc.run(workspace, "story", "new", "Lab_Results").stderr()).contains("is not a story id");
        assertThat(Storyc.run(workspace, "story", "new", "claims").stderr()).contains("story `claims` already exists");
        Storyc.Outcome unknown = Storyc.run(workspace, "story", "new", "lab", "--requires", "patiens");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("story `patiens` does not exist").contains("did you mean `patients`?");
        assertThat(workspace.resolve("stories/lab")).doesNotExist();
    }

    @Test
    void initRefusesALinkToNothingAndCreatesNothingWhereItLeads() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("acme"), temp.resolve("missing"));
        Storyc.Outcome outcome = Storyc.runRaw(Map.of(), "init", link.toString());
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.stderr())
                .contains("error: `" + link + "` is a link to `" + temp.resolve("missing")
                        + "`, which does not exist; nothing was written")
                .contains("= help: create the folder it leads to, or pick another folder")
                .doesNotContain("Exception");
        assertThat(temp.resolve("missing")).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aDeveloperNameWithDashesAndUnderscoresStillChecksCleanly() {
        Path workspace = temp.resolve("acme");
        Storyc.Outcome init = Storyc.runRaw(Map.of(), "init", workspace.toString(), "--developer", "Alice-Bob_1");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.stdout()).contains("developer alicebob1)");
        assertThat(ok(workspace, "check", "--all").stdout()).contains("ok  dev-alicebob1 ");
        assertThat(InitCommand.developerName("J. Random-Hacker")).isEqualTo("jrandomhacker");
        assertThat(InitCommand.developerName("42")).isEqualTo("me");
    }

    @Test
    void aDeveloperNameWithNothingADatabaseNameCanHoldIsRefused() {
        for (String name : new String[] {"", "ü", "42"}) {
            Path workspace = temp.resolve("acme-" + name.length());
            Storyc.Outcome init = Storyc.runRaw(Map.of(), "init", workspace.toString(), "--developer", name);
            assertThat(init.exitCode()).as(name + ": " + init).isEqualTo(2);
            assertThat(init.stderr()).contains("error: --developer `" + name + "` has no letters or digits");
            assertThat(workspace).doesNotExist();
        }
    }

    @Test
    void aTitleWithTemplateTagsAndQuotesReachesTheExploreLabelAsWritten() {
        Path workspace = temp.resolve("acme");
        assertThat(Storyc.runRaw(Map.of(), "init", workspace.toString(), "--developer", "alice").exitCode()).isZero();
        git(workspace, "init", "-q");
        String title = "Costs <% per %> \"visit\" ${TABLE} {{x}} <%%>";
        ok(workspace, "story", "new", "costs", "--title", title);
        commit(workspace, "costs");
        ok(workspace, "compile");
        assertThat(Checkout.read(workspace.resolve("out/dev-alice/explores/costs/costs.explore.lkml")))
                .contains("  label: \"Costs <% per %> \\\"visit\\\" ${TABLE} {{x}} <%%>\"\n");
        assertThat(Checkout.read(workspace.resolve("stories/costs/story.toml")))
                .contains("title = \"Costs <% per %> \\\"visit\\\" ${TABLE} {{x}} <%%>\"\n");
    }

    @Test
    void storyNewRefusesAnIdLongerThanTheRegistryKeeps() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        String id = "a" + "b".repeat(63);
        Storyc.Outcome outcome = Storyc.run(workspace, "story", "new", id);
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("`" + id + "` is 64 characters long; a story id is at most 63");
        assertThat(workspace.resolve("stories/" + id)).doesNotExist();
        ok(workspace, "story", "new", id.substring(1));
    }

    @Test
    void aStoryNamedAfterAnSqlKeywordChecksCleanlyWhereTablesAreClassified() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        ok(workspace, "story", "new", "select");
        assertThat(ok(workspace, "check", "--env", "integration").stdout()).contains("ok  integration");
    }

    @Test
    void storyShowListsWhatAStoryIsAndWhereItGoes() {
        Storyc.Outcome outcome = Storyc.run(Checkout.root(), "story", "show", "encounters");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).startsWith("story encounters: Encounters")
                .contains("  requires  patients\n")
                .contains("  required  care-gaps, claims, research-extract\n")
                .containsPattern("releases  2026-W47 \\(pinned [0-9a-f]{10}\\), 2026-W48")
                .contains("    view           views/encounters.view.lkml");
    }

    private static void commit(Path workspace, String message) {
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    }

    private static Storyc.Outcome ok(Path workspace, String... args) {
        Storyc.Outcome outcome = Storyc.run(workspace, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        return outcome;
    }
}
