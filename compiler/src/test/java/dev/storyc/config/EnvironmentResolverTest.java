package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Related;
import dev.storyc.diag.Result;
import dev.storyc.workspace.WorkspaceLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the language does right, where the table of bad files shows what it refuses. */
class EnvironmentResolverTest {
    static final String PROD = """
            [environments.prod]
            kind = "production"
            connection = "looker_prod"
            project_name = "acme"
            release = "all"
            warehouse = { host = "h", database = "prod", schema = "analytics", user = "looker" }
            """;

    static Result<Evaluation> evaluate(Path temp, String text) {
        return ConfigFixtures.evaluate(ConfigFixtures.workspace(temp, text.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Object> values(Path temp, String text, String environment) {
        Result<Evaluation> result = evaluate(temp, text);
        assertThat(result.ok()).as("%s", result.diagnostics()).isTrue();
        return result.get().environments().find(environment).orElseThrow().values();
    }

    @Test
    void anExtendsCycleNamesEveryLinkWithItsPosition(@TempDir Path temp) {
        Result<Evaluation> result = evaluate(temp, "[bases.a]\nextends = [\"b\"]\n[bases.b]\nextends = [\"c\"]\n"
                + "[bases.c]\nextends = [\"a\"]\n" + PROD.replace("release = \"all\"", "release = \"all\"\nextends = [\"a\"]"));
        Diagnostic cycle = result.diagnostics().get(0);
        assertThat(cycle.message()).isEqualTo("`extends` forms a cycle: a -> b -> c -> a");
        assertThat(cycle.position().toString()).isEqualTo("environments.toml:2:12");
        assertThat(cycle.related()).extracting(Related::toString).containsExactly(
                "Related[position=environments.toml:4:12, message=`b` extends `c` here]",
                "Related[position=environments.toml:6:12, message=`c` extends `a` here]");
    }

    /** A base's typo is one problem, not one per environment that extends the base. */
    @Test
    void aReferenceNoEnvironmentSetsIsReportedOnceNamingThem(@TempDir Path temp) {
        StringBuilder text = new StringBuilder("[bases.looker]\nconnection = \"looker_${warehouse.databse}\"\n");
        for (String name : new String[] {"prod", "acc", "int", "qa"}) {
            text.append(PROD.replace("[environments.prod]", "[environments." + name + "]")
                    .replace("kind = \"production\"", name.equals("prod") ? "kind = \"production\"" : "kind = \"acceptance\"")
                    .replace("connection = \"looker_prod\"\n", "extends = [\"looker\"]\n")
                    .replace("schema = \"analytics\"", "schema = \"analytics_" + name + "\""));
        }
        Result<Evaluation> result = evaluate(temp, text.toString());
        assertThat(result.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " " + d.message())
                .containsExactly("E0207 environments.toml:2:1 `${warehouse.databse}` refers to `warehouse.databse`,"
                        + " which `prod`, `acc` and 2 other environments do not set");
        assertThat(result.diagnostics().get(0).hint()).contains("did you mean `warehouse.database`?");
    }

    @Test
    void extendsMergesTablesAndReplacesScalarsAndLists(@TempDir Path temp) {
        Map<String, Object> values = values(temp, """
                [bases.one]
                variables = { list = [1, 2], keep = "one", over = "one" }
                [bases.two]
                variables = { list = [3], over = "two" }
                """ + PROD.replace("release = \"all\"", "release = \"all\"\nextends = [\"one\", \"two\"]"), "prod");
        assertThat(values.get("variables")).isEqualTo(Map.of("list", java.util.List.of(3L), "keep", "one", "over", "two"));
    }

    @Test
    void wholeValueReferencesKeepTheirTypeAndStringsInterpolate(@TempDir Path temp) {
        Map<String, Object> values = values(temp, PROD.replace(
                "user = \"looker\" }", "user = \"looker\", port = \"${variables.port}\" }").replace(
                "host = \"h\"", "host = \"${env:UNSET:-db}.${env:REGION}\"")
                + "variables = { port = 5440, label = \"${warehouse.database}-${warehouse.port}\", lookml = \"$${TABLE}\","
                + " region = \"${env:REGION}\", who = \"${sys:user.name}\", fallback = \"${env:UNSET:-dflt}\" }\n", "prod");
        @SuppressWarnings("unchecked")
        Map<String, Object> warehouse = (Map<String, Object>) values.get("warehouse");
        assertThat(warehouse.get("port")).isEqualTo(5440L);
        // Read from the process, so tainted: carried for the tools, shown and hashed as written.
        assertThat(warehouse.get("host")).isEqualTo(new Tainted("db.eu-west-1", "${env:UNSET:-db}.${env:REGION}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) values.get("variables");
        assertThat(variables).containsEntry("label", "prod-5440").containsEntry("lookml", "${TABLE}")
                .containsEntry("who", "tester")
                // A free-form value keeps a whole `${env:...}` as a reference, which templates cannot render.
                .containsEntry("fallback", new SecretReference("UNSET", java.util.Optional.of("dflt")))
                .containsEntry("region", new SecretReference("REGION", java.util.Optional.empty()));
    }

    @Test
    void aVariablesValueIsDataAndNeverASecondLookup(@TempDir Path temp) {
        ProcessValues process = ProcessValues.ofEnvironment(Map.of("A", "${env:B}", "B", "leaked"));
        VariableLookups lookups = new VariableLookups(process);
        assertThat(lookups.read(new Interpolation.Variable("env", "A", java.util.Optional.empty()))).contains("${env:B}");
    }

    @Test
    void typedTemplateParametersKeepTheirTypes(@TempDir Path temp) {
        Map<String, Object> values = values(temp, """
                [templates.developer]
                params = { port = { type = "int", default = 5439 }, team = { type = "enum", values = ["core", "data"] } }
                kind = "development"
                connection = "looker_dev_${params.name}"
                project_name = "acme"
                release = "all"
                variables = { team = "${params.team}" }
                warehouse = { host = "h", database = "dev_${params.name}", schema = "analytics", user = "${params.name}", port = "${params.port}" }

                [developers]
                alice = { team = "data", port = 6543 }
                bob = { team = "core" }
                """, "dev-alice");
        assertThat(values.get("connection")).isEqualTo("looker_dev_alice");
        @SuppressWarnings("unchecked")
        Map<String, Object> warehouse = (Map<String, Object>) values.get("warehouse");
        assertThat(warehouse.get("port")).isEqualTo(6543L);
        assertThat(values.get("variables")).isEqualTo(Map.of("team", "data"));
    }

    @Test
    void aPinnedImportJoinsItsBases(@TempDir Path temp) throws Exception {
        String sha = dev.storyc.workspace.Sha256.hex(Files.readAllBytes(ConfigFixtures.CONFIG.resolve("shared/bases.toml")));
        Map<String, Object> values = values(temp, "imports = [{ path = \"shared/bases.toml\", sha256 = \"" + sha + "\" }]\n"
                + "[environments.int]\nextends = [\"shared\"]\nkind = \"integration\"\nconnection = \"c\"\n"
                + "warehouse.database = \"d\"\n", "int");
        assertThat(values.get("project_name")).isEqualTo("acme");
    }

    @Test
    void explainKeepsBothTheUseAndTheOrigin(@TempDir Path temp) {
        Result<Evaluation> result = evaluate(temp, PROD + "[environments.copy]\nextends = [\"prod\"]\n"
                + "kind = \"production\"\nconnection = \"${environments.prod.connection}\"\n"
                // A database of its own: two environments on one registry are E0234.
                + "warehouse.database = \"prod_copy\"\n");
        ConfigTable tree = result.get().tree("copy").orElseThrow();
        assertThat(tree.get("connection").orElseThrow().position().toString()).isEqualTo("environments.toml:10:1");
        assertThat(Explanation.explain("copy", tree, "connection").orElseThrow()).containsExactly(
                "copy.connection = \"looker_prod\"",
                "  environments.toml:10:1  refers to ${environments.prod.connection}",
                "  environments.toml:3:1   set in [environments.prod]");
    }
}
