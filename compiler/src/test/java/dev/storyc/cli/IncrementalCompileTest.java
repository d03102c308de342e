package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A compile or check whose inputs match an earlier clean one skips the environment, prints what a
 * full run prints, and takes the full path whenever anything differs: an edit to any input, an
 * output repository that moved or was interrupted, a damaged cache entry.
 */
class IncrementalCompileTest {
    static final List<String> ENVIRONMENTS = CompileExampleWorkspaceTest.ENVIRONMENTS;
    static final Pattern REUSED = Pattern.compile("environment ([a-z0-9-]+): its inputs match");

    @TempDir Path temp;

    private Path compiledWorkspace() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Storyc.Outcome first = Storyc.run(workspace, "compile", "--all");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("7 environments compiled, 7 committed");
        return workspace;
    }

    private static List<String> reused(Storyc.Outcome outcome) {
        Matcher matcher = REUSED.matcher(outcome.stderr());
        return matcher.results().map(m -> m.group(1)).sorted().toList();
    }

    @Test
    void aSecondCompileReusesEveryEnvironmentAndPrintsWhatAFullCompilePrints() {
        Path workspace = compiledWorkspace();

        Storyc.Outcome cached = Storyc.run(workspace, "-v", "compile", "--all");
        Storyc.Outcome full = Storyc.run(workspace, "-v", "compile", "--all", "--no-cache");

        assertThat(cached.exitCode()).as(cached.toString()).isZero();
        assertThat(reused(cached)).containsExactlyElementsOf(ENVIRONMENTS);
        assertThat(reused(full)).isEmpty();
        assertThat(cached.stdout())
                .isEqualTo(full.stdout())
                .contains("unchanged production       2026-W47    4 stories")
                .contains("7 environments compiled, 0 committed");
        assertThat(Path.of(workspace.toString(), ".storyc", ".gitignore"))
                .hasContent("# storyc's local cache" + " and state; never committed.\n*");
        assertThat(GitCli.git(workspace, "status", "--porcelain", "--ignored=no"))
                .doesNotContain(".storyc");
    }

    @Test
    void anEditToAnyInputCompilesAgain() throws IOException {
        Path workspace = compiledWorkspace();
        append(workspace.resolve("model/warehouse.lkml"), "\n# a model-level comment\n");
        Storyc.Outcome model = Storyc.run(workspace, "-v", "compile", "--all");
        assertThat(reused(model)).isEmpty();
        assertThat(model.stdout()).contains("7 environments compiled, 7 committed");

        Checkout.write(workspace.resolve("partials/owner.mustache"), "team analytics\n");
        Storyc.Outcome partialEdit = Storyc.run(workspace, "-v", "compile", "--all");
        assertThat(reused(partialEdit)).isEmpty();

        Storyc.Outcome settled = Storyc.run(workspace, "-v", "compile", "--all");
        assertThat(reused(settled)).containsExactlyElementsOf(ENVIRONMENTS);

        append(workspace.resolve("stories/medication-adherence/story.toml"), "\n# edited\n");
        Storyc.Outcome story = Storyc.run(workspace, "-v", "compile", "--all");
        assertThat(reused(story))
                .as("any story may be named by any environment's checks")
                .isEmpty();
        assertThat(story.stdout())
                .contains("unchanged production")
                .contains("committed integration");

        Storyc.Outcome secret =
                Storyc.run(
                        workspace,
                        java.util.Map.of("STORYC_TEST_UNUSED", "x"),
                        "-v",
                        "compile",
                        "--all");
        assertThat(reused(secret))
                .as("a variable nothing reads changes nothing")
                .containsExactlyElementsOf(ENVIRONMENTS);
    }

    @Test
    void anOutputThatMovedOrWasInterruptedTakesTheFullPath() throws IOException {
        Path workspace = compiledWorkspace();
        Path integration = workspace.resolve("out/integration");
        Files.writeString(integration.resolve("README.md"), "edited by hand\n");
        GitCli.git(
                integration,
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "commit",
                "-qam",
                "by hand");
        Files.writeString(
                workspace.resolve("out/acceptance-1/.git/storyc-refresh-pending"),
                "0".repeat(40) + "\n");

        Storyc.Outcome outcome = Storyc.run(workspace, "-v", "compile", "--all");

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(reused(outcome)).doesNotContain("integration", "acceptance-1").hasSize(5);
        assertThat(outcome.stdout()).contains("committed integration");
        assertThat(integration.resolve("README.md")).content().doesNotContain("edited by hand");
        assertThat(outcome.stderr()).contains("reset the working tree of");
        assertThat(workspace.resolve("out/acceptance-1/.git/storyc-refresh-pending"))
                .doesNotExist();
    }

    @Test
    void damagedEntriesAreRecompiledNeverTrustedAndThenRebuilt() throws IOException {
        Path workspace = compiledWorkspace();
        try (Stream<Path> files = Files.walk(workspace.resolve(".storyc/cache"))) {
            for (Path entry :
                    files.filter(f -> f.getParent().getFileName().toString().length() == 2)
                            .toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                bytes[bytes.length - 1] ^= 0x20;
                Files.write(entry, bytes);
            }
        }
        Storyc.Outcome damaged = Storyc.run(workspace, "-v", "compile", "--all");
        Storyc.Outcome rebuilt = Storyc.run(workspace, "-v", "compile", "--all");

        assertThat(damaged.exitCode()).as(damaged.toString()).isZero();
        assertThat(reused(damaged)).isEmpty();
        assertThat(reused(rebuilt)).containsExactlyElementsOf(ENVIRONMENTS);
        assertThat(rebuilt.stdout()).isEqualTo(damaged.stdout());
    }

    @Test
    void checkReusesCleanVerdictsAndCacheCommandsShowAndEmptyThem() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Storyc.Outcome first = Storyc.run(workspace, "-v", "check", "--all");
        Storyc.Outcome second = Storyc.run(workspace, "-v", "check", "--all");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(reused(first)).isEmpty();
        assertThat(reused(second)).containsExactlyElementsOf(ENVIRONMENTS);
        assertThat(second.stdout()).isEqualTo(first.stdout()).contains("ok  production");

        Storyc.Outcome stats = Storyc.run(workspace, "cache", "stats", "--format", "json");
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(stats.stdout())
                .contains("\"schema\": \"storyc.cache-stats/1\"")
                .contains("\"entries\": 19")
                .contains("\"max_bytes\": 536870912")
                .contains("\"temporary_files\": 0");

        Storyc.Outcome capped = Storyc.run(workspace, "-D", "cache.max_size=2KB", "cache", "stats");
        assertThat(capped.stdout())
                .as("7 verdicts, 7 environments' schedules, 4 dashboards' parses and, once the"
                        + " cache has its salt, the stories' manifests")
                .contains("entries    19")
                .contains("(cap 2048)");

        Storyc.Outcome clean = Storyc.run(workspace, "cache", "clean");
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.stdout()).startsWith("removed 19 files from ");
        assertThat(reused(Storyc.run(workspace, "-v", "check", "--all"))).isEmpty();
    }

    @Test
    void entriesPlantedInTheWorkspaceAreNeverFound() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path other = Checkout.copyExampleWorkspace(temp.resolve("other"));
        Path home = Files.createDirectories(temp.resolve("home"));
        // Another machine's verdicts, committed or restored into this workspace: its salt differs.
        Storyc.Outcome elsewhere =
                Storyc.run(
                        other,
                        java.util.Map.of("XDG_CACHE_HOME", home.toString()),
                        "check",
                        "--all");
        assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isZero();
        assertThat(home.resolve("storyc/salt")).exists();
        Checkout.copy(other.resolve(".storyc"), workspace.resolve(".storyc"));

        assertThat(reused(Storyc.run(workspace, "-v", "check", "--all")))
                .as("only this machine's own verdicts count")
                .isEmpty();
        assertThat(
                        reused(
                                Storyc.run(
                                        other,
                                        java.util.Map.of("XDG_CACHE_HOME", home.toString()),
                                        "-v",
                                        "check",
                                        "--all")))
                .as("the other machine's still do")
                .containsExactlyElementsOf(ENVIRONMENTS);
    }

    @Test
    void aBadSizeSettingIsALocatedErrorThatWritesNothing() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Checkout.write(workspace.resolve("storyc.toml"), "[cache]\nmax_size = \"lots\"\n");

        Storyc.Outcome outcome = Storyc.run(workspace, "check", "--all");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("storyc.toml:2:")
                .contains("cache.max_size")
                .contains("a size such as `512MB`");
        assertThat(workspace.resolve(".storyc")).doesNotExist();
    }

    @Test
    void storyIdsRememberedFromAnEarlierRunAreTheIdsGitGivesBeforeAndAfterAnEdit()
            throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        // Files an hour old have trusted stamps, so the first compile remembers every story's id.
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> walk = Files.walk(workspace.resolve("stories"))) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Files.setLastModifiedTime(path, hourAgo);
            }
        }
        assertThat(Storyc.run(workspace, "compile", "--all").exitCode()).isZero();
        append(workspace.resolve("stories/patients/views/patients.view.lkml"), "\n# edited\n");

        Storyc.Outcome edited = Storyc.run(workspace, "compile", "--all");
        Storyc.Outcome again = Storyc.run(workspace, "compile", "--all", "--out",
                temp.resolve("uncached").toString(), "--no-cache");

        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        GitCli.git(workspace, "add", "stories");
        String tree = GitCli.git(workspace, "write-tree");
        Map<String, String> integration = lockedStories(workspace.resolve("out/integration"));
        assertThat(integration).hasSizeGreaterThan(5).containsKey("patients");
        integration.forEach((story, id) -> assertThat(id).as(story)
                .isEqualTo(GitCli.git(workspace, "rev-parse", tree + ":stories/" + story)));
        assertThat(integration).isEqualTo(lockedStories(temp.resolve("uncached/integration")));
        assertThat(lockedStories(workspace.resolve("out/production")))
                .as("a sealed release's pinned stories keep their pins")
                .containsEntry("patients", "ed4f794bb3341f8410e1fd430780154e1428ba09")
                .isEqualTo(lockedStories(temp.resolve("uncached/production")));
    }

    /** Returns the {@code [stories]} table of an output's lock file. */
    private static Map<String, String> lockedStories(Path output) throws IOException {
        Map<String, String> stories = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^([a-z][a-z0-9-]*) = \"([0-9a-f]{40})\"$")
                .matcher(Files.readString(output.resolve("storyc.lock")));
        while (line.find()) {
            stories.put(line.group(1), line.group(2));
        }
        return stories;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }
}
