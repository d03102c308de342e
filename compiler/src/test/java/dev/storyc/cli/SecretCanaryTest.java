package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.ProcessValues;
import dev.storyc.config.SecretReference;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sets a canary value for every secret the example workspace references, runs every command that
 * shows or compiles environments, and looks for the canary everywhere a secret could leak: output
 * files, every git object, stdout and stderr.
 */
class SecretCanaryTest {
    static final String CANARY = "canary-5ecret-4d1f";

    @Test
    void noSecretReachesAnyOutputObjectOrLine(@TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Map<String, String> environment = new TreeMap<>();
        secretVariables(workspace).forEach(v -> environment.put(v, CANARY));
        assertThat(environment).as("the example references secrets").isNotEmpty();
        Path out = temp.resolve("out");

        List<Storyc.Outcome> outcomes = new ArrayList<>();
        Storyc.Outcome compile = Storyc.run(workspace, environment, "compile", "--all", "--out", out.toString());
        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        outcomes.add(compile);
        outcomes.add(Storyc.run(workspace, environment, "check", "--all"));
        outcomes.add(Storyc.run(workspace, environment, "env", "list"));
        List<String> names = Files.list(out).map(p -> p.getFileName().toString()).sorted().toList();
        assertThat(names).hasSize(7);
        for (String name : names) {
            outcomes.add(Storyc.run(workspace, environment, "env", "show", name));
            outcomes.add(Storyc.run(workspace, environment, "env", "show", name, "--json"));
            outcomes.add(Storyc.run(workspace, environment, "env", "show", name, "--normal-form"));
            outcomes.add(Storyc.run(workspace, environment, "env", "hash", name));
            outcomes.add(Storyc.run(workspace, environment, "env", "explain", name, "warehouse"));
            outcomes.add(Storyc.run(workspace, environment, "env", "diff", name, "production"));
        }
        for (Storyc.Outcome outcome : outcomes) {
            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
            assertThat(outcome.stdout()).doesNotContain(CANARY);
            assertThat(outcome.stderr()).doesNotContain(CANARY);
        }
        assertNoFileContains(out);
        for (String name : names) {
            String objects = GitCli.git(out.resolve(name), "cat-file", "--batch-all-objects", "--batch");
            assertThat(objects).as("git objects of %s", name).isNotEmpty().doesNotContain(CANARY);
        }
    }

    @Test
    void aTemplateThatRendersASecretFailsWithoutShowingIt(@TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path deploy = workspace.resolve("stories/patients/schema/deploy.sql");
        Files.writeString(deploy, "-- connect with <% env.warehouse.password %>\n" + Files.readString(deploy));
        Map<String, String> environment = new TreeMap<>();
        secretVariables(workspace).forEach(v -> environment.put(v, CANARY));
        Storyc.Outcome outcome = Storyc.run(workspace, environment, "compile", "--all", "--out",
                temp.resolve("out").toString());
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0405]")
                .contains("stories/patients/schema/deploy.sql:1:17").doesNotContain(CANARY);
        assertThat(outcome.stdout()).doesNotContain(CANARY);
        assertThat(temp.resolve("out")).doesNotExist();
    }

    /** Returns every variable a secret field of any environment refers to. */
    static Collection<String> secretVariables(Path workspace) {
        var loaded = WorkspaceLoader.load(workspace, StdlibLoader.load()).get();
        var environments = EnvironmentResolver.resolve(loaded, ProcessValues.ofEnvironment(Map.of())).get();
        TreeSet<String> variables = new TreeSet<>();
        environments.all().forEach(e -> collect(e.values(), variables));
        return variables;
    }

    private static void collect(Object value, TreeSet<String> into) {
        if (value instanceof SecretReference secret) {
            into.add(secret.variable());
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }

    private static void assertNoFileContains(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as("%s", file).doesNotContain(CANARY);
            }
        }
    }
}
