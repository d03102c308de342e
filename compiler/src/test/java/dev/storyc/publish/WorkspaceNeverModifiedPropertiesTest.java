package dev.storyc.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.TreeSnapshot;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Random output settings (an environment's {@code output.path} and {@code output.branch}, the
 * {@code output} setting from any layer, {@code --out}) against a workspace whose production
 * environment is compiled already. Whatever storyc decides, it never modifies the workspace: every
 * file, folder and link that existed is byte for byte the same, HEAD and refs of every repository
 * are unmoved, and anything new lies outside the source folders (or in the one folder the test
 * allows outside the workspace).
 */
class WorkspaceNeverModifiedPropertiesTest {
    static final List<String> SOURCES =
            List.of("stories", "releases", "partials", "model", ".git", "environments.toml");
    static Path scratch;
    static Path template;

    /** One try's settings. */
    record Settings(
            Optional<String> outputPath,
            Optional<String> branch,
            Optional<String> output,
            String layer,
            Optional<String> out,
            boolean check) {}

    @BeforeContainer
    static void compileTheTemplateOnce() throws IOException {
        scratch = Files.createTempDirectory("storyc-never-modified");
        template = Checkout.copyExampleWorkspace(scratch.resolve("template"));
        Checkout.write(template.resolve(".gitignore"), "/out\n");
        assertThat(Storyc.run(template, "compile", "--env", "production").exitCode()).isZero();
        GitCli.git(template, "add", "-A");
        GitCli.git(
                template,
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "commit",
                "-qm",
                "workspace");
    }

    @AfterContainer
    static void removeScratch() throws IOException {
        Checkout.deleteTree(scratch);
    }

    @Property(tries = 24, seed = "20261130")
    void noOutputSettingModifiesTheWorkspace(@ForAll("settings") Settings settings)
            throws IOException {
        Path trial = Files.createTempDirectory(scratch, "try");
        Path workspace = trial.resolve("workspace");
        Checkout.copy(template, workspace);
        Path outside = Files.createDirectories(trial.resolve("outside"));
        Map<String, String> variables = new HashMap<>();
        List<String> args = new ArrayList<>();
        if (settings.outputPath().isPresent() || settings.branch().isPresent()) {
            String table =
                    "\n[environments.integration.output]\n"
                            + settings.outputPath().map(p -> "path = \"" + p + "\"\n").orElse("")
                            + settings.branch().map(b -> "branch = \"" + b + "\"\n").orElse("");
            Files.writeString(
                    workspace.resolve("environments.toml"), table, StandardOpenOption.APPEND);
        }
        settings.output()
                .ifPresent(
                        output -> {
                            switch (settings.layer()) {
                                case "storyc.toml" ->
                                        Checkout.write(
                                                workspace.resolve("storyc.toml"),
                                                "output = \"" + output + "\"\n");
                                case "variable" -> variables.put("STORYC_OUTPUT", output);
                                default -> args.addAll(List.of("-D", "output=" + output));
                            }
                        });
        GitCli.git(workspace, "add", "-A");
        GitCli.git(
                workspace,
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "commit",
                "-qm",
                "settings",
                "--allow-empty");
        TreeSnapshot before = TreeSnapshot.of(workspace);
        args.addAll(
                settings.check()
                        ? List.of("check", "--all")
                        : List.of("compile", "--env", "integration"));
        settings.out()
                .filter(o -> !settings.check())
                .ifPresent(
                        out ->
                                args.addAll(
                                        List.of(
                                                "--out",
                                                out.replace("{outside}", outside.toString())
                                                        .replace(
                                                                "{workspace}",
                                                                workspace.toString()))));

        Storyc.Outcome outcome = Storyc.run(workspace, variables, args.toArray(String[]::new));

        assertThat(outcome.exitCode()).as(outcome.toString()).isIn(0, 1);
        assertThat(outcome.stderr()).doesNotContain("internal error").doesNotContain("\tat ");
        TreeSnapshot after = TreeSnapshot.of(workspace);
        before.entries()
                .forEach(
                        (path, value) -> {
                            if (path.equals(". [git]")) {
                                assertThat(headAndRefs(after.entries().get(path)))
                                        .as("%s: HEAD and refs", outcome)
                                        .isEqualTo(headAndRefs(value));
                            } else {
                                assertThat(after.entries().get(path))
                                        .as("%s after %s", path, outcome)
                                        .isEqualTo(value);
                            }
                        });
        for (String added : after.entries().keySet()) {
            if (!before.entries().containsKey(added)) {
                assertThat(SOURCES)
                        .as("%s was created by %s", added, outcome)
                        .noneMatch(
                                source -> added.equals(source) || added.startsWith(source + "/"));
            }
        }
        try (Stream<Path> outsideFiles = Files.walk(trial)) {
            assertThat(
                            outsideFiles.filter(
                                    path ->
                                            !path.startsWith(workspace)
                                                    && !path.startsWith(outside)
                                                    && !path.equals(trial)))
                    .as("written beside the workspace")
                    .isEmpty();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String headAndRefs(String gitState) {
        return gitState.substring(0, gitState.indexOf("status\n"));
    }

    @Provide
    Arbitrary<Settings> settings() {
        Arbitrary<String> piece =
                Arbitraries.of(
                        ".",
                        "..",
                        "out",
                        "out",
                        "stories",
                        "releases",
                        "partials",
                        ".git",
                        "x",
                        "production",
                        "integration",
                        "build",
                        "environments.toml",
                        "out/production",
                        "/tmp");
        Arbitrary<String> path =
                piece.list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(parts -> String.join("/", parts).replace("//", "/"));
        Arbitrary<String> branch =
                Arbitraries.of("main", "main.lock", "a//b", "main/", "release/x", "a..b");
        Arbitrary<String> out =
                Arbitraries.of(
                        "{outside}",
                        "{outside}/deep",
                        "{workspace}",
                        "{workspace}/stories",
                        "{workspace}/out",
                        "{workspace}/out/production",
                        "{workspace}/..",
                        "{workspace}/.git");
        return Combinators.combine(
                        path.optional(0.6),
                        branch.optional(0.3),
                        path.optional(0.5),
                        Arbitraries.of("storyc.toml", "variable", "-D"),
                        out.optional(0.3),
                        Arbitraries.of(true, false))
                .as(Settings::new);
    }
}
