package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code storyc env} commands, driven in-process against the example workspace. */
class EnvCommandsTest {
    static final Path EXAMPLE = Checkout.root();

    @Test
    void explainNamesTheLineAndTheExtendsChain() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "env", "explain", "acceptance-1", "warehouse.host");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).isEqualTo(String.join("\n",
                "acceptance-1.warehouse.host = \"warehouse-test.acme-health.internal\"",
                "  environments.toml:71:12  acceptance-1 extends test-cluster",
                "  environments.toml:50:1   set in [bases.test-cluster]", ""));
    }

    @Test
    void explainFollowsReferencesAcrossEnvironments() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "env", "explain", "acceptance-2", "warehouse.schema");
        assertThat(outcome.stdout()).contains("refers to ${environments.production.warehouse.schema}")
                .contains("production extends redshift").contains("set in [bases.redshift]");
    }

    @Test
    void explainNamesTheTemplateAndTheDeveloper() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "env", "explain", "dev-alice", "warehouse.database");
        assertThat(outcome.stdout()).contains("dev-alice.warehouse.database = \"dev_alice\"")
                .contains("developer `alice` instantiates [templates.developer]")
                .contains("set in [templates.developer] as `dev_${params.name}`");
        Storyc.Outcome defaulted = Storyc.run(EXAMPLE, "env", "explain", "production", "output.branch");
        assertThat(defaulted.stdout()).contains("stdlib/types/environment.toml:").contains("the default of Output.branch");
        Storyc.Outcome typo = Storyc.run(EXAMPLE, "env", "explain", "production", "warehouse.hots");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.stderr()).contains("did you mean `warehouse.host`?");
    }

    @Test
    void showHashAndDiffAgree() {
        Storyc.Outcome hash = Storyc.run(EXAMPLE, "env", "hash", "production");
        Storyc.Outcome normal = Storyc.run(EXAMPLE, "env", "show", "production", "--normal-form");
        assertThat(hash.stdout().strip()).isEqualTo(dev.storyc.config.NormalForm.hash(normal.stdout()));
        assertThat(Storyc.run(EXAMPLE, "env", "show", "production", "--json").stdout())
                .contains("\"password\": \"${env:STORYC_PROD_WAREHOUSE_PASSWORD}\"");
        assertThat(Storyc.run(EXAMPLE, "env", "show", "production").stdout()).contains("[warehouse]\n");
        Storyc.Outcome diff = Storyc.run(EXAMPLE, "env", "diff", "acceptance-1", "acceptance-2");
        assertThat(diff.stdout().lines().skip(2).toList()).containsExactly(
                "~ connection = \"looker_analytics_acc1\" -> \"looker_analytics_acc2\"",
                "~ warehouse.database = \"analytics_acc1\" -> \"analytics_acc2\"");
        assertThat(Storyc.run(EXAMPLE, "env", "show", "production", "--json", "--normal-form").exitCode()).isEqualTo(2);
    }

    @Test
    void schemaIsJsonThatNamesEveryField() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "env", "schema");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).startsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\"")
                .contains("\"Warehouse\"").contains("\"enum\": [\"development\", \"integration\", \"acceptance\", \"production\"]");
    }

    @Test
    void freezeWritesPinsAndChangesNothingElse(@TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Checkout.write(workspace.resolve("shared/bases.toml"), "[bases.shared]\nmodel = \"warehouse\"\n");
        Checkout.write(workspace.resolve("shared/more.toml"), "[bases.more]\nmodel = \"warehouse\"\n");
        Path file = workspace.resolve("environments.toml");
        String original = Files.readString(file);
        String edited = original.replace("# Environments of the Acme Health analytics warehouse.\n",
                "imports = [\n  { path = \"shared/bases.toml\" },   # shared with the other teams\n"
                        + "  {path='shared/more.toml',sha256=\"" + "a".repeat(64) + "\"},\n]\n"
                        + "# Environments of the Acme Health analytics warehouse.\n");
        Files.writeString(file, edited);

        Storyc.Outcome before = Storyc.run(workspace, "env", "list");
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.stderr()).contains("error[E0222]").contains("error[E0221]").contains("storyc env freeze");

        Storyc.Outcome freeze = Storyc.run(workspace, "env", "freeze");
        assertThat(freeze.exitCode()).as(freeze.toString()).isZero();
        String bases = dev.storyc.workspace.Sha256.hex("[bases.shared]\nmodel = \"warehouse\"\n".getBytes(StandardCharsets.UTF_8));
        String more = dev.storyc.workspace.Sha256.hex("[bases.more]\nmodel = \"warehouse\"\n".getBytes(StandardCharsets.UTF_8));
        String frozen = Files.readString(file);
        assertThat(frozen).isEqualTo(edited
                .replace("{ path = \"shared/bases.toml\" }", "{ path = \"shared/bases.toml\", sha256 = \"" + bases + "\" }")
                .replace("a".repeat(64), more));
        assertThat(changedLines(edited, frozen)).hasSize(2);
        assertThat(Storyc.run(workspace, "env", "list").exitCode()).isZero();
        assertThat(Storyc.run(workspace, "env", "freeze").stdout()).contains("every pin is current");
        assertThat(Files.readString(file)).isEqualTo(frozen);
    }

    @Test
    void freezeAddsALineUnderAnArrayOfTables(@TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Checkout.write(workspace.resolve("shared/bases.toml"), "[bases.shared]\nmodel = \"warehouse\"\n");
        Path file = workspace.resolve("environments.toml");
        String original = Files.readString(file);
        Files.writeString(file, "\uFEFF[[imports]]\n  path = \"shared/bases.toml\" # team bases\n\n" + original);
        var groupWritable = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, groupWritable);
        assertThat(Storyc.run(workspace, "env", "freeze").exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).as("the file keeps its mode").isEqualTo(groupWritable);
        assertThat(Files.readString(file)).as("the byte-order mark is kept").startsWith("\uFEFF[[imports]]\n  path = \"shared/bases.toml\" # team bases\n  sha256 = \"")
                .endsWith(original);
        assertThat(Storyc.run(workspace, "env", "list").exitCode()).isZero();
    }

    @Test
    void freezeRefusesAnImportOutsideTheWorkspace(@TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Path file = workspace.resolve("environments.toml");
        Files.writeString(file, "imports = [{ path = \"../secrets.toml\" }]\n" + Files.readString(file));
        Storyc.Outcome outcome = Storyc.run(workspace, "env", "freeze");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0220]").contains("environments.toml:1:14");
    }

    private static List<String> changedLines(String a, String b) {
        List<String> left = a.lines().toList();
        List<String> right = b.lines().toList();
        assertThat(right).hasSameSizeAs(left);
        return java.util.stream.IntStream.range(0, left.size()).filter(i -> !left.get(i).equals(right.get(i)))
                .mapToObj(right::get).toList();
    }
}
