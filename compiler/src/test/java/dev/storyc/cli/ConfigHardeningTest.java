package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import dev.storyc.workspace.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration defect of the hardening review, one row each, run through {@code compile
 * --all} on a committed copy of the example workspace whose output repositories already exist.
 * Each row must end in exit 1 with a located diagnostic (code, file:line:col, message), print no
 * secret, and leave the workspace, its history and every output repository byte for byte as they
 * were.
 */
class ConfigHardeningTest {
    static final String CANARY = "canary-7d2e-hardening";
    /** Every secret variable of the example, set to the canary, plus one for the rows' own use. */
    static final Map<String, String> PROCESS = Map.of(
            "STORYC_PROD_WAREHOUSE_PASSWORD", CANARY,
            "STORYC_TEST_WAREHOUSE_PASSWORD", CANARY,
            "CANARY_TOKEN", CANARY);

    @TempDir
    static Path shared;
    static Path template;

    /** One defect: how to make it, and the diagnostic it must give. */
    record Row(String name, Mutation mutation, String code, String location, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Mutation {
        /** Changes the workspace; the row states where its diagnostic points. */
        void apply(Path workspace) throws IOException;

        default Mutation andThen(Mutation next) {
            return workspace -> {
                apply(workspace);
                next.apply(workspace);
            };
        }
    }

    @BeforeAll
    static void compileTheExampleOnce() {
        template = Checkout.copyExampleWorkspace(shared.resolve("template"));
        Checkout.write(template.resolve(".gitignore"), "/out/\n");
        commit(template);
        Storyc.Outcome compiled = Storyc.run(template, PROCESS, "compile", "--all");
        assertThat(compiled.exitCode()).as(compiled.toString()).isZero();
    }

    /** The example's environments.toml has this many lines; rows append after them. */
    static final int EXAMPLE_LINES = (int) Checkout.read(Checkout.root().resolve("environments.toml")).lines().count();

    static String environment(String... lines) {
        return "\n[environments.acceptance-9]\nextends = [\"test-cluster\"]\nkind = \"acceptance\"\n"
                + "release = \"2026-W48\"\n" + String.join("\n", lines) + "\n";
    }

    static Mutation appendToEnvironments(String text) {
        return workspace -> Files.writeString(workspace.resolve("environments.toml"),
                Files.readString(workspace.resolve("environments.toml")) + text);
    }

    static Mutation prependTo(String file, String line) {
        return workspace -> Files.writeString(workspace.resolve(file), line + "\n" + Files.readString(workspace.resolve(file)));
    }

    static Mutation write(String file, String text) {
        return workspace -> Checkout.write(workspace.resolve(file), text);
    }

    static Stream<Row> rows() {
        int body = EXAMPLE_LINES + 6; // a blank line, four lines of header, then the row's lines
        String basicAuth = Base64.getEncoder().encodeToString(("looker:" + CANARY).getBytes(StandardCharsets.UTF_8));
        StringBuilder doubling = new StringBuilder("variables.a0 = \"xy\"");
        for (int i = 0; i < 24; i++) {
            doubling.append("\nvariables.a").append(i + 1).append(" = \"${variables.a").append(i)
                    .append("}${variables.a").append(i).append("}\"");
        }
        StringBuilder extendsChain = new StringBuilder("\n[bases.chain-0]\nproject_name = \"acme_health\"\n");
        for (int i = 1; i <= 4000; i++) {
            extendsChain.append("[bases.chain-").append(i).append("]\nextends = [\"chain-").append(i - 1).append("\"]\n");
        }
        String views = "stories/patients/views/patients.view.lkml";
        String dashboard = "stories/patients/dashboards/extra.dashboard.lookml";
        return Stream.of(
                // Isolation
                new Row("production database in upper case", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", "looker.constants.db = \"ANALYTICS_PROD\"")),
                        "E0227", "environments.toml:" + (body + 1) + ":1", "names `analytics_prod`, the warehouse"
                                + " database of production environment `production`"),
                new Row("production database before a dash", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", "looker.constants.db = \"analytics_prod--x\"")),
                        "E0227", "environments.toml:" + (body + 1) + ":1", "names `analytics_prod`"),
                new Row("production database pasted into acceptance", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_prod\"")),
                        "E0227", "environments.toml:" + body + ":1", "`warehouse.database` of `acceptance-9`"),
                new Row("production connection pasted into acceptance", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", "connection = \"looker_analytics_prod\"")),
                        "E0227", "environments.toml:" + (body + 1) + ":1", "the connection of production"),
                new Row("sharing the database is refused", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", "shares_with_production = [\"warehouse.database\"]")),
                        "E0228", "environments.toml:" + (body + 1) + ":27", "cannot be shared with production"),
                new Row("production database in a template, in capitals", prependTo(views, "# from ANALYTICS_PROD.raw"),
                        "E0613", views + ":1:8", "names `analytics_prod`"),
                // Secrets
                new Row("secret in looker.constants", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", "looker.constants.key = \"${env:CANARY_TOKEN}\"")),
                        "E0232", "environments.toml:" + (body + 1) + ":1", "`looker.constants.key` is read from the"),
                new Row("secret interpolated into the connection", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", "connection = \"c_${env:CANARY_TOKEN}\"")),
                        "E0232", "environments.toml:" + (body + 1) + ":1", "`connection` is read from the"),
                new Row("literal secret under E0218", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", "warehouse.password = \"" + CANARY + "\"")),
                        "E0218", "environments.toml:" + (body + 1) + ":1", "must be a reference, not a value"),
                new Row("token written into a remote", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"",
                        "output.remote = \"https://storyc:" + CANARY + "@git.example/x.git\"")),
                        "E0218", "environments.toml:" + (body + 1) + ":1", "holds a password or token in the URL"),
                new Row("password that makes the remote no URL", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"",
                        "output.remote = \"https://ci:" + CANARY + " x%@git.example/x.git\"")),
                        "E0218", "environments.toml:" + (body + 1) + ":1", "holds a password or token in the URL"),
                new Row("password in an scp-like remote", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"",
                        "output.remote = \"ci:" + CANARY + "@127.0.0.1:x.git\"")),
                        "E0218", "environments.toml:" + (body + 1) + ":1", "holds a password or token in the URL"),
                // Remotes git cannot push to, refused before a push crashes on them
                new Row("remote over ftp", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"",
                        "output.remote = \"ftp://127.0.0.1:59405/x.git\"")),
                        "E0214", "environments.toml:" + (body + 1) + ":1",
                        "`output.remote` uses `ftp://`, which storyc cannot push over"),
                new Row("remote port past 65535", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"",
                        "output.remote = \"http://127.0.0.1:99999/x.git\"")),
                        "E0214", "environments.toml:" + (body + 1) + ":1",
                        "`output.remote` names port 99999, which is not from 1 to 65535"),
                new Row("remote without a host", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"",
                        "output.remote = \"https:///x.git\"")),
                        "E0214", "environments.toml:" + (body + 1) + ":1", "`output.remote` names no host"),
                new Row("basic auth of user and password", prependTo(views, "# Authorization: Basic " + basicAuth),
                        "E0614", views + ":1:24", "basic-auth (base64 of user:password) value of secret"),
                new Row("template renders a value read from the process", write("environments.toml",
                        Checkout.read(Checkout.root().resolve("environments.toml")).replace(
                                "warehouse.host = \"warehouse-test.acme-health.internal\"",
                                "warehouse.host = \"${env:CANARY_TOKEN}\"")).andThen(
                        prependTo("stories/patients/schema/deploy.sql", "-- on <% env.warehouse.host %>")),
                        "E0405", "stories/patients/schema/deploy.sql:1:7", "is a secret and cannot be rendered"),
                // Budgets
                new Row("doubling references", appendToEnvironments(environment(
                        "warehouse.database = \"analytics_acc9\"", doubling.toString())),
                        "E0229", "environments.toml:" + (body + 17) + ":1", "expands to more than 65536 characters"),
                new Row("four thousand extends", appendToEnvironments(extendsChain.toString()),
                        "E0230", null, "`extends` chains more than 32 deep"),
                new Row("thirty nested partials", nestedPartials(30), "E0406", "partials/p15.mustache:1:2",
                        "partials nest more than 16 deep"),
                // Smaller defects
                new Row("dashboard as a top-level mapping", write(dashboard, "dashboard: extra\ntitle: Extra\n"),
                        "E0513", dashboard + ":1:1", "not a single mapping"),
                new Row("dashboard with a repeated key", write(dashboard,
                        "- dashboard: extra\n  title: Extra\n  title: Again\n"),
                        "E0514", dashboard + ":3:3", "Key `title` is given twice"),
                new Row("dashboard nested too deeply", write(dashboard,
                        "- dashboard: extra\n  elements: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n"),
                        "E0515", dashboard + ":2:", "Dashboard YAML is nested more than 64 deep."),
                // Round 18: beyond the limit but within the JVM's stack, it passed.
                new Row("dashboard nested 70 deep", write(dashboard,
                        "- dashboard: extra\n  elements: " + "[".repeat(70) + "]".repeat(70) + "\n"),
                        "E0515", dashboard + ":2:", "Dashboard YAML is nested more than 64 deep."),
                new Row("empty environments.toml", write("environments.toml", ""),
                        "E0231", "environments.toml:1:1", "environments.toml defines no environment"));
    }

    static Mutation nestedPartials(int depth) {
        return workspace -> {
            for (int i = 0; i < depth; i++) {
                Checkout.write(workspace.resolve("partials/p" + i + ".mustache"),
                        "x<%> p" + (i + 1) + " %>\n<%> p" + (i + 1) + " %>\n");
            }
            Checkout.write(workspace.resolve("partials/p" + depth + ".mustache"), "leaf\n");
            Path deploy = workspace.resolve("stories/patients/schema/deploy.sql");
            Files.writeString(deploy, Files.readString(deploy) + "-- <%> p0 %>\n");
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachDefectIsALocatedErrorThatChangesNothing(Row row) throws IOException {
        Path workspace = shared.resolve("rows").resolve(row.name().replaceAll("[^a-z0-9]+", "-"));
        Checkout.copy(template, workspace);
        row.mutation().apply(workspace);
        commit(workspace);
        String before = snapshot(workspace);

        Storyc.Outcome outcome = Storyc.run(workspace, PROCESS, "compile", "--all");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[" + row.code() + "]: ").contains(row.message());
        if (row.location() != null) {
            assertThat(outcome.stderr()).contains("--> " + row.location());
        } else {
            assertThat(outcome.stderr()).containsPattern("--> environments\\.toml:\\d+:\\d+");
        }
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(CANARY);
        assertThat(outcome.stderr().length()).as("stderr stays short").isLessThan(20_000);
        assertThat(snapshot(workspace)).isEqualTo(before);
    }

    /** The remote forms git pushes to pass, the scp-like one too, which parses as no URI. */
    @Test
    void remotesGitCanPushToCheckCleanly() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(shared.resolve("remotes"));
        Path environments = workspace.resolve("environments.toml");
        String original = Files.readString(environments);
        for (String remote : List.of("git@github.com:acme/looker-acceptance.git",
                "ssh://git@example.com:2222/acme/out.git", "file:///srv/git/out.git")) {
            Files.writeString(environments, original + environment(
                    "warehouse.database = \"analytics_acc9\"", "output.remote = \"" + remote + "\""));
            Storyc.Outcome outcome = Storyc.run(workspace, PROCESS, "check", "--env", "acceptance-9");
            assertThat(outcome.exitCode()).as(remote + "\n" + outcome).isZero();
        }
    }

    /**
     * A password written in the file is masked in every quote of its line: a later diagnostic's
     * note pointing at it ("is set here") quoted the line in clear (round 14).
     */
    @Test
    void aWrittenPasswordIsMaskedInTheNotesOfOtherDiagnostics() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(shared.resolve("written-secret"));
        Path environments = workspace.resolve("environments.toml");
        Files.writeString(environments, Files.readString(environments) + environment(
                "warehouse.database = \"analytics_acc9\"", "warehouse.password = \"Hunter2-LEAKED\"",
                "warehouse.port = \"${warehouse.password}\""));

        Storyc.Outcome outcome = Storyc.run(workspace, PROCESS, "check", "--env", "acceptance-9");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0218]").contains("error[E0203]")
                .contains("warehouse.password = \"********\"").doesNotContain("Hunter2");
    }

    /**
     * The secret canary for tainted values: a host read from the process and a remote whose token
     * is, across every command that shows or compiles environments. The canary must appear in no
     * printed line, output file or git object, and the environment hash must not depend on it.
     */
    @Test
    void valuesReadFromTheProcessNeverLeak() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(shared.resolve("canary"));
        Path environments = workspace.resolve("environments.toml");
        Files.writeString(environments, Files.readString(environments)
                .replace("warehouse.host = \"warehouse-test.acme-health.internal\"", "warehouse.host = \"${env:CANARY_HOST}\"")
                .replace("warehouse.database = \"analytics_acc1\"", "warehouse.database = \"analytics_acc1\"\n"
                        + "output.remote = \"https://ci:${env:CANARY_TOKEN}@git.example/acc1.git\""));
        Map<String, String> process = new TreeMap<>(PROCESS);
        process.put("CANARY_HOST", CANARY + "-host");
        Path out = shared.resolve("canary-out");
        List<Storyc.Outcome> outcomes = new java.util.ArrayList<>();
        outcomes.add(Storyc.run(workspace, process, "compile", "--all", "--out", out.toString()));
        outcomes.add(Storyc.run(workspace, process, "check", "--all", "--format", "json"));
        outcomes.add(Storyc.run(workspace, process, "env", "list"));
        List<String> names;
        try (Stream<Path> listed = Files.list(out)) {
            names = listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(7);
        for (String name : names) {
            outcomes.add(Storyc.run(workspace, process, "env", "show", name));
            outcomes.add(Storyc.run(workspace, process, "env", "show", name, "--json"));
            outcomes.add(Storyc.run(workspace, process, "env", "show", name, "--normal-form"));
            outcomes.add(Storyc.run(workspace, process, "env", "explain", name, "warehouse"));
            outcomes.add(Storyc.run(workspace, process, "env", "explain", name, "output"));
            outcomes.add(Storyc.run(workspace, process, "env", "diff", name, "production"));
        }
        for (Storyc.Outcome outcome : outcomes) {
            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
            assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(CANARY);
        }
        assertThat(Storyc.run(workspace, process, "env", "show", "acceptance-1").stdout())
                .contains("host = \"${env:CANARY_HOST}\"")
                .contains("remote = \"https://ci:${env:CANARY_TOKEN}@git.example/acc1.git\"");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file)
                        .doesNotContain(CANARY);
            }
        }
        for (String name : names) {
            assertThat(GitCli.git(out.resolve(name), "cat-file", "--batch-all-objects", "--batch"))
                    .as("git objects of %s", name).isNotEmpty().doesNotContain(CANARY);
        }
        Map<String, String> other = new TreeMap<>(process);
        other.replaceAll((k, v) -> "another-value-entirely");
        assertThat(Storyc.run(workspace, other, "env", "hash", "acceptance-1").stdout())
                .isEqualTo(Storyc.run(workspace, process, "env", "hash", "acceptance-1").stdout());
    }

    /** Returns the workspace's status, HEAD, and a digest of every file, output repositories included. */
    static String snapshot(Path workspace) {
        StringBuilder out = new StringBuilder();
        out.append(GitCli.git(workspace, "status", "--porcelain", "--ignored")).append('\n');
        out.append(GitCli.git(workspace, "rev-parse", "HEAD")).append('\n');
        try (Stream<Path> outputs = Files.list(workspace.resolve("out"))) {
            for (Path repository : outputs.sorted().toList()) {
                out.append(repository.getFileName()).append(' ')
                        .append(GitCli.git(repository, "rev-parse", "HEAD")).append(' ')
                        .append(GitCli.git(repository, "status", "--porcelain")).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(workspace.relativize(file).toString(), Sha256.hex(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        digests.forEach((path, digest) -> out.append(path).append(' ').append(digest).append('\n'));
        return out.toString();
    }

    static void commit(Path workspace) {
        GitCli.git(workspace, "add", "-A");
        GitCli.git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q",
                "--allow-empty", "-m", "row");
    }
}
