package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code storyc diff}: the content a compile would change, by story and layer, in three formats.
 */
class DiffCommandTest {
    static final String DESCRIPTION =
            "description = \"Nightly full refresh of the patient dimension from the EHR patient"
                + " snapshot.\"";

    Path workspace;

    @BeforeEach
    void compileTheExample(@TempDir Path temp) {
        workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        GitCli.git(workspace, "add", "-A");
        GitCli.git(
                workspace, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "example");
        assertThat(Storyc.run(workspace, "compile", "--env", "integration").exitCode()).isZero();
    }

    @Test
    void anUnchangedWorkspaceHasNoChange() {
        Storyc.Outcome outcome = Storyc.run(workspace, "diff", "--env", "integration");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout())
                .matches(
                        "environment integration: out/integration \\([0-9a-f]{12}\\) -> the working"
                            + " tree\n"
                            + "no change\n");
    }

    @Test
    void showsAStoryEditAsAUnifiedDiffUnderItsStoryAndLayer() {
        editPatientsJob();
        Storyc.Outcome outcome = Storyc.run(workspace, "diff", "--env", "integration");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout())
                // The job's description also reaches its CronJob in schedules/kubernetes.yaml.
                .contains("3 files changed in 1 story: 0 added, 3 modified, 0 deleted\n")
                .contains(
                        "\n"
                            + "== story patients: ETL\n"
                            + "diff --git a/etl/patients/load_patients.job.toml"
                            + " b/etl/patients/load_patients.job.toml\n"
                            + "--- a/etl/patients/load_patients.job.toml\n"
                            + "+++ b/etl/patients/load_patients.job.toml\n"
                            + "@@ -3,4 +3,4 @@\n")
                .contains("-" + DESCRIPTION + "\n+description = \"Hourly refresh.\"\n")
                .contains(
                        "\n== environment files (model, manifest, plan, lock)\n"
                                + "diff --git a/schedules/kubernetes.yaml b/schedules/kubernetes.yaml\n")
                .contains("diff --git a/storyc.lock b/storyc.lock\n");
        assertThat(outcome.stdout().indexOf("== story patients"))
                .isLessThan(outcome.stdout().indexOf("== environment files"));
    }

    @Test
    void againstARefComparesTwoCompilesAsJson() throws IOException {
        editPatientsJob();
        Checkout.write(
                workspace.resolve("stories/patients/views/extra.view.lkml"),
                "view: patients_extra {\n  sql_table_name: analytics.patients ;;\n"
                        + "  dimension: id {\n    sql: ${TABLE}.patient_id ;;\n  }\n}\n");
        Storyc.Outcome outcome =
                Storyc.run(
                        workspace,
                        "diff",
                        "--env",
                        "integration",
                        "--against",
                        "HEAD",
                        "--format",
                        "json");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        JsonNode document = new ObjectMapper().readTree(outcome.stdout());
        assertThat(document.get("schema").asText()).isEqualTo("storyc.diff/1");
        assertThat(document.get("environment").asText()).isEqualTo("integration");
        assertThat(document.get("before").get("source").asText()).isEqualTo("ref");
        assertThat(document.get("before").get("name").asText()).isEqualTo("HEAD");
        assertThat(document.get("before").get("commit").asText())
                .isEqualTo(GitCli.git(workspace, "rev-parse", "HEAD"));
        assertThat(document.get("after").get("source").asText()).isEqualTo("working-tree");
        JsonNode summary = document.get("summary");
        assertThat(summary.get("files").asInt()).isEqualTo(4);
        assertThat(summary.get("added").asInt()).isEqualTo(1);
        assertThat(summary.get("modified").asInt()).isEqualTo(3);
        assertThat(summary.get("stories").toString()).isEqualTo("[\"patients\"]");
        JsonNode changes = document.get("changes");
        assertThat(changes.get(0).get("story").asText()).isEqualTo("patients");
        assertThat(changes.get(0).get("layer").asText()).isEqualTo("etl");
        assertThat(changes.get(1).get("layer").asText()).isEqualTo("lookml");
        JsonNode added = changes.get(1).get("files").get(0);
        assertThat(added.get("path").asText()).isEqualTo("views/patients/extra.view.lkml");
        assertThat(added.get("change").asText()).isEqualTo("added");
        assertThat(added.get("diff").asText())
                .startsWith(
                        "diff --git a/views/patients/extra.view.lkml"
                            + " b/views/patients/extra.view.lkml\n"
                            + "new file mode 100644\n"
                            + "--- /dev/null\n"
                            + "+++ b/views/patients/extra.view.lkml\n"
                            + "@@ -0,0 +1,6 @@\n"
                            + "+view: patients_extra {\n");
        assertThat(changes.get(2).get("story").isNull()).isTrue();
        assertThat(outcome.stderr()).isEmpty();
    }

    @Test
    void markdownFoldsEachStoryForAPullRequestComment() {
        editPatientsJob();
        Storyc.Outcome outcome =
                Storyc.run(workspace, "diff", "--env", "integration", "--format", "markdown");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout())
                .startsWith("### storyc diff: `integration`\n")
                .contains(
                        "<details><summary>story <code>patients</code> (1 file)</summary>\n\n"
                            + "**ETL**\n\n"
                            + "```diff\n")
                .contains("<details><summary>environment files (2 files)</summary>")
                .endsWith("```\n\n</details>\n");
    }

    @Test
    void aRefThatNamesNoCommitIsAUsageError() {
        Storyc.Outcome outcome =
                Storyc.run(workspace, "diff", "--env", "integration", "--against", "no-such");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr())
                .contains(
                        "error[E1002]: `no-such` names no commit of the workspace",
                        "--> command line",
                        "help: give a branch, tag or commit id");
    }

    @Test
    void anUnknownEnvironmentIsAUsageError() {
        Storyc.Outcome outcome = Storyc.run(workspace, "diff", "--env", "integraton");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .contains("environment `integraton` is not defined", "integration");
    }

    @Test
    void anEnvironmentNeverCompiledDiffsFromNothing() {
        Storyc.Outcome outcome = Storyc.run(workspace, "diff", "--env", "dev-alice");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout())
                .startsWith("environment dev-alice: out/dev-alice -> the working tree\n")
                .contains(
                        " 0 modified, 0 deleted\n",
                        "new file mode 100644\n--- /dev/null\n+++ b/storyc.lock\n");
    }

    @Test
    void anEnvironmentTheChangeAddsDiffsFromNothingAtTheRef() throws IOException {
        Path environments = workspace.resolve("environments.toml");
        Checkout.write(environments, Checkout.read(environments) + "\n[environments.acceptance-3]\n"
                + "extends = [\"test-cluster\"]\nkind = \"acceptance\"\nrelease = \"2026-W48\"\n"
                + "warehouse.database = \"analytics_acc3\"\n");

        Storyc.Outcome outcome = Storyc.run(
                workspace, "diff", "--env", "acceptance-3", "--against", "HEAD", "--format", "json");

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(outcome.stdout()).get("summary");
        assertThat(summary.get("files").asInt()).isGreaterThan(10).isEqualTo(summary.get("added").asInt());
        assertThat(summary.get("stories").toString()).contains("\"patients\"");
    }

    @Test
    void aDamagedOutputRepositoryIsAnOperationalFailureNotACrash() throws IOException {
        Path repository = workspace.resolve("out/integration");
        String tree = GitCli.git(repository, "rev-parse", "HEAD^{tree}").strip();
        Path object = repository.resolve(".git/objects/" + tree.substring(0, 2) + "/" + tree.substring(2));
        assertThat(object).as("the root tree is a loose object").isRegularFile();
        Files.delete(object);

        Storyc.Outcome outcome = Storyc.run(workspace, "diff", "--env", "integration");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr())
                .contains("error: cannot read the output repository `",
                        "out/integration`: Missing tree " + tree,
                        "= help: run `git fsck` in it")
                .doesNotContain("internal error", "Exception", "\tat ");
    }

    /** A file's own fenced example must not close the comment's fence (round 19). */
    @Test
    void aFenceInAFileDoesNotCloseTheCommentsFence() {
        Path job = workspace.resolve("stories/patients/etl/load_patients.job.toml");
        Checkout.write(job, "# example:\n# ```\n# ````sql\n" + Checkout.read(job).replace(DESCRIPTION,
                "description = \"Hourly refresh.\""));
        Storyc.Outcome outcome = Storyc.run(workspace, "diff", "--env", "integration", "--format", "markdown");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("**ETL**\n\n`````diff\n").contains("\n`````\n");
    }

    private void editPatientsJob() {
        Path job = workspace.resolve("stories/patients/etl/load_patients.job.toml");
        Checkout.write(
                job, Checkout.read(job).replace(DESCRIPTION, "description = \"Hourly refresh.\""));
    }
}
