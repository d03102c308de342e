package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton's promise: the example workspace compiles into one repository per environment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompileExampleWorkspaceTest {
    static final List<String> ENVIRONMENTS = List.of("acceptance-1", "acceptance-2", "dev-alice", "dev-bob",
            "dev-cobbr2", "integration", "production");

    Path temp;
    Path workspace;
    Storyc.Outcome first;

    @BeforeAll
    void compileOnce(@TempDir Path dir) {
        temp = dir;
        workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        first = Storyc.run(workspace, "compile", "--all");
    }

    @Test
    void compilesEveryEnvironmentIntoAGitRepositoryThatPassesFsck() {
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("7 environments compiled, 7 committed");
        for (String environment : ENVIRONMENTS) {
            Path repository = workspace.resolve("out").resolve(environment);
            assertThat(repository.resolve(".git")).isDirectory();
            assertThat(GitCli.run(repository, "fsck", "--full", "--strict").exitCode()).isZero();
            assertThat(git(repository, "rev-list", "--count", "main")).isEqualTo("1");
            assertThat(git(repository, "status", "--porcelain")).as("working tree matches the commit").isEmpty();
        }
    }

    @Test
    void eachRepositoryHasItsOwnConnectionUnderTheSameModelName() {
        Map<String, String> connections = Map.of(
                "production", "looker_analytics_prod",
                "acceptance-1", "looker_analytics_acc1",
                "acceptance-2", "looker_analytics_acc2",
                "integration", "looker_analytics_int",
                "dev-alice", "looker_dev_alice",
                "dev-bob", "looker_dev_bob",
                "dev-cobbr2", "looker_dev_cobbr2");
        connections.forEach((environment, connection) -> {
            Path repository = workspace.resolve("out").resolve(environment);
            String model = git(repository, "show", "main:warehouse.model.lkml");
            assertThat(model).contains("connection: \"" + connection + "\"");
            assertThat(git(repository, "ls-tree", "--name-only", "main").lines().filter(l -> l.endsWith(".model.lkml")))
                    .containsExactly("warehouse.model.lkml");
        });
    }

    @Test
    void eachRepositoryHoldsOnlyItsReleasesStories() {
        assertThat(storyFolders("production", "views"))
                .containsExactly("appointments", "claims", "encounters", "patients");
        assertThat(storyFolders("acceptance-1", "views"))
                .containsExactly("appointments", "care-gaps", "claims", "encounters", "patients", "research-extract");
        assertThat(storyFolders("dev-alice", "views")).hasSize(7).contains("medication-adherence");
        assertThat(git(repo("production"), "show", "main:storyc.lock"))
                .contains("release = \"2026-W47\"")
                .doesNotContain("care-gaps");
    }

    @Test
    void warehouseScriptsHaveStablePathsAndThePlanHasTheOrder() {
        // Folders are named by story and change only, so another release cannot renumber them.
        assertThat(storyFolders("acceptance-1", "warehouse")).containsExactly(
                "appointments", "care-gaps", "claims", "encounters", "patients", "research-extract");
        assertThat(git(repo("acceptance-1"), "show", "main:warehouse/claims/base/deploy.sql"))
                .isEqualTo(git(repo("production"), "show", "main:warehouse/claims/base/deploy.sql")
                        .replace("analytics_prod", "analytics_acc1"));
        String plan = git(repo("acceptance-1"), "show", "main:warehouse/plan.toml");
        assertThat(plan.indexOf("id = \"claims/base\"")).isGreaterThan(plan.indexOf("id = \"encounters/base\""));
        assertThat(plan.indexOf("id = \"encounters/base\"")).isGreaterThan(plan.indexOf("id = \"patients/base\""));
        assertThat(plan).contains("deploy = \"sha256:").contains("revert = \"sha256:");
    }

    @Test
    void commitMessageListsStoriesAndCarriesTrailers() {
        String message = git(repo("production"), "log", "-1", "--format=%B", "main");
        assertThat(message).startsWith("storyc: compile production at release 2026-W47")
                .contains("added: appointments\nadded: claims\nadded: encounters\nadded: patients")
                .containsPattern("Storyc-Env-Hash: sha256:[0-9a-f]{64}")
                .contains("Storyc-Release: 2026-W47")
                .contains("Storyc-Source: none");
        assertThat(git(repo("production"), "log", "-1", "--format=%(trailers:key=Storyc-Release,valueonly)", "main"))
                .isEqualTo("2026-W47");
    }

    @Test
    void aSecondCompileMakesNoCommit() {
        String before = git(repo("production"), "rev-parse", "main");
        Storyc.Outcome second = Storyc.run(workspace, "compile", "--all");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).contains("7 environments compiled, 0 committed");
        assertThat(git(repo("production"), "rev-parse", "main")).isEqualTo(before);
    }

    @Test
    void compilingIntoTwoFreshFoldersGivesIdenticalTreeIds() {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        assertThat(Storyc.run(workspace, "compile", "--all", "--out", a.toString()).exitCode()).isZero();
        assertThat(Storyc.run(workspace, "compile", "--all", "--out", b.toString()).exitCode()).isZero();
        for (String environment : ENVIRONMENTS) {
            assertThat(git(a.resolve(environment), "rev-parse", "main^{tree}"))
                    .isEqualTo(git(b.resolve(environment), "rev-parse", "main^{tree}"))
                    .isEqualTo(git(repo(environment), "rev-parse", "main^{tree}"));
        }
    }

    @Test
    void aChangedStoryMakesOneCommitThatSaysWhichStoryChanged() throws Exception {
        Path copy = Checkout.copyExampleWorkspace(temp.resolve("changed"));
        assertThat(Storyc.run(copy, "compile", "--env", "integration").exitCode()).isZero();
        Path view = copy.resolve("stories/claims/views/claims.view.lkml");
        Files.writeString(view, Files.readString(view) + "# reviewed\n");
        Storyc.Outcome outcome = Storyc.run(copy, "compile", "--env", "integration");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        Path repository = copy.resolve("out/integration");
        assertThat(git(repository, "rev-list", "--count", "main")).isEqualTo("2");
        assertThat(git(repository, "log", "-1", "--format=%B", "main")).contains("changed: claims")
                .doesNotContain("added:");
        assertThat(git(repository, "diff", "--name-only", "main~1", "main").lines())
                .containsExactlyInAnyOrder("storyc.lock", "views/claims/claims.view.lkml");
    }

    private Path repo(String environment) {
        return workspace.resolve("out").resolve(environment);
    }

    private List<String> storyFolders(String environment, String folder) {
        return Arrays.asList(git(repo(environment), "ls-tree", "--name-only", "main:" + folder).split("\n"))
                .stream().filter(name -> !name.endsWith(".toml")).toList();
    }
}
