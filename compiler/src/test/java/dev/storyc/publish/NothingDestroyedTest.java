package dev.storyc.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.TreeSnapshot;
import dev.storyc.testing.Workspaces;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every way a hostile review pointed storyc's writes at something they must never touch, one row
 * each: the run ends with the located diagnostic (code and file:line:col, or the command line), and
 * the workspace, its git history, every output repository and everything beside them in the test's
 * folder are byte for byte what they were ({@link TreeSnapshot}: file hashes, links, and for each
 * repository {@code git rev-parse HEAD}, its refs and {@code git status --porcelain}).
 *
 * <p>{@code {workspace}} in a row's arguments stands for the workspace's absolute path: a relative
 * {@code --out} is resolved against the current folder, which is not the workspace here.
 */
class NothingDestroyedTest {

    /**
     * Prepares a defect in {@code workspace} (inside {@code temp}); returns the expected location.
     */
    @FunctionalInterface
    interface Defect {
        String apply(Path workspace, Path temp) throws IOException;
    }

    /**
     * One defect; {@code code} is the diagnostic code, or for exit 3 the text the message must
     * hold.
     */
    record Row(
            String name,
            Defect defect,
            boolean compiledBefore,
            Map<String, String> variables,
            int exit,
            String code,
            List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        List<Row> rows = new ArrayList<>();
        // 1. output.path "." would commit generated output onto the workspace's own branch.
        rows.add(
                row(
                        "output.path is the workspace",
                        true,
                        "E0703",
                        (ws, t) ->
                                envs(ws, 3, "\n[environments.integration.output]\npath = \".\"\n"),
                        "compile",
                        "--all"));
        rows.add(
                row(
                        "output.path is the workspace, seen by check",
                        false,
                        "E0703",
                        (ws, t) ->
                                envs(ws, 3, "\n[environments.integration.output]\npath = \".\"\n"),
                        "check",
                        "--all"));
        rows.add(
                row(
                        "output.path is the workspace, in ci",
                        false,
                        "E0703",
                        (ws, t) ->
                                envs(ws, 3, "\n[environments.integration.output]\npath = \"./\"\n"),
                        "ci",
                        "--no-push"));
        // Caught as early as the types of environments.toml: a path that leaves the workspace.
        rows.add(
                row(
                        "output.path out/..",
                        false,
                        "E0214",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n[environments.integration.output]\npath = \"out/..\"\n"),
                        "compile",
                        "--env",
                        "production"));
        // 2. Two environments sharing a folder or a remote.
        rows.add(
                row(
                        "two environments share a folder",
                        true,
                        "E0706",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n"
                                                + "[environments.integration.output]\n"
                                                + "path = \"out/production\"\n"),
                        "compile",
                        "--all"));
        rows.add(
                row(
                        "one folder inside another's",
                        true,
                        "E0706",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n"
                                                + "[environments.integration.output]\n"
                                                + "path = \"out/production/nested\"\n"),
                        "compile",
                        "--env",
                        "integration"));
        rows.add(
                row(
                        "two environments share a remote",
                        true,
                        "E0707",
                        (ws, t) -> {
                            envs(
                                    ws,
                                    0,
                                    "\n"
                                            + "[environments.integration.output]\n"
                                            + "remote ="
                                            + " \"https://ci-token@GitHub.com/acme/out.git\"\n");
                            return envs(
                                    ws,
                                    3,
                                    "\n"
                                            + "[environments.production.output]\n"
                                            + "remote = \"https://github.com/acme/out/\"\n");
                        },
                        "compile",
                        "--all"));
        // 3. Output outside the workspace, from any layer of settings.
        rows.add(
                row(
                        "storyc.toml output = ../x",
                        false,
                        "E0702",
                        (ws, t) -> settingsFile(ws, "output = \"../x\""),
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "storyc.toml output is absolute",
                        false,
                        "E0702",
                        (ws, t) -> settingsFile(ws, "output = \"" + t.resolve("elsewhere") + "\""),
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "storyc.toml output is the workspace",
                        false,
                        "E0703",
                        (ws, t) -> settingsFile(ws, "output = \".\""),
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "storyc.toml output is stories/",
                        false,
                        "E0704",
                        (ws, t) -> settingsFile(ws, "output = \"stories\""),
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "-D output=../x",
                        false,
                        "E0702",
                        (ws, t) -> "command line",
                        "-D",
                        "output=../x",
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "-D output=.",
                        false,
                        "E0703",
                        (ws, t) -> "command line",
                        "-D",
                        "output=.",
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "-D output=releases",
                        false,
                        "E0704",
                        (ws, t) -> "command line",
                        "-D",
                        "output=releases",
                        "ci",
                        "--no-push"));
        rows.add(
                new Row(
                        "STORYC_OUTPUT=../x",
                        (ws, t) -> "environment variable STORYC_OUTPUT",
                        false,
                        Map.of("STORYC_OUTPUT", "../x"),
                        1,
                        "E0702",
                        List.of("compile", "--env", "production")));
        rows.add(
                row(
                        "--out stories",
                        false,
                        "E0704",
                        (ws, t) -> "command line",
                        "compile",
                        "--env",
                        "production",
                        "--out",
                        "{workspace}/stories"));
        rows.add(
                row(
                        "--out .",
                        false,
                        "E0703",
                        (ws, t) -> "command line",
                        "compile",
                        "--env",
                        "production",
                        "--out",
                        "{workspace}"));
        rows.add(
                row(
                        "output.path inside stories/",
                        false,
                        "E0704",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n"
                                                + "[environments.integration.output]\n"
                                                + "path = \"stories/integration\"\n"),
                        "compile",
                        "--all"));
        rows.add(
                row(
                        "output.path inside model/",
                        false,
                        "E0704",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n[environments.integration.output]\npath ="
                                                + " \"model/integration\"\n"),
                        "compile",
                        "--all"));
        rows.add(
                row(
                        "output.path is .git",
                        false,
                        "E0704",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n[environments.integration.output]\npath = \".git\"\n"),
                        "compile",
                        "--all"));
        rows.add(
                row(
                        "output.path named .git",
                        false,
                        "E0704",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n"
                                                + "[environments.integration.output]\n"
                                                + "path = \"out/.git\"\n"),
                        "compile",
                        "--all"));
        rows.add(
                row(
                        "output.path outside the output root",
                        false,
                        "E0705",
                        (ws, t) ->
                                envs(
                                        ws,
                                        3,
                                        "\n"
                                                + "[environments.integration.output]\n"
                                                + "path = \"build/integration\"\n"),
                        "compile",
                        "--all"));
        // 4. A repository storyc did not create, and links on the way.
        rows.add(
                row(
                        "a foreign repository at out/<env>",
                        false,
                        "E0710",
                        (ws, t) -> {
                            Path repository = ws.resolve("out/production");
                            Checkout.write(repository.resolve("notes.txt"), "mine\n");
                            GitCli.git(repository, "init", "-q");
                            GitCli.git(repository, "add", "-A");
                            GitCli.git(
                                    repository,
                                    "-c",
                                    "user.name=a",
                                    "-c",
                                    "user.email=a@b",
                                    "commit",
                                    "-qm",
                                    "mine");
                            Checkout.write(
                                    repository.resolve("notes.txt"),
                                    "mine, edited and not committed\n");
                            return definedAt(ws, "production");
                        },
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "a foreign repository, seen by push",
                        false,
                        "E0710",
                        (ws, t) -> {
                            envs(
                                    ws,
                                    0,
                                    "\n"
                                            + "[environments.production.output]\n"
                                            + "remote = \"https://example.invalid/p.git\"\n");
                            GitCli.git(
                                    Files.createDirectories(ws.resolve("out/production")),
                                    "init",
                                    "-q");
                            return definedAt(ws, "production");
                        },
                        "push",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "out/<env>/.git points at the workspace's own",
                        false,
                        "E0710",
                        (ws, t) -> {
                            Checkout.write(
                                    ws.resolve("out/production/.git"), "gitdir: ../../.git\n");
                            return definedAt(ws, "production");
                        },
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "files at out/<env>",
                        false,
                        "E0711",
                        (ws, t) -> {
                            Checkout.write(ws.resolve("out/production/notes.txt"), "mine\n");
                            return definedAt(ws, "production");
                        },
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "out/<env> is a symbolic link",
                        false,
                        "E0709",
                        (ws, t) -> {
                            Files.createDirectories(ws.resolve("out"));
                            Files.createSymbolicLink(
                                    ws.resolve("out/production"),
                                    Files.createDirectories(t.resolve("target")));
                            return definedAt(ws, "production");
                        },
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "a symbolic link higher on the path",
                        false,
                        "E0709",
                        (ws, t) -> {
                            Files.createSymbolicLink(
                                    ws.resolve("out"),
                                    Files.createDirectories(t.resolve("target")));
                            return definedAt(ws, "production");
                        },
                        "compile",
                        "--env",
                        "production"));
        rows.add(
                row(
                        "a link to the sources",
                        false,
                        "E0709",
                        (ws, t) -> {
                            Files.createDirectories(ws.resolve("out"));
                            Files.createSymbolicLink(
                                    ws.resolve("out/production"), ws.resolve("stories"));
                            return definedAt(ws, "production");
                        },
                        "check",
                        "--env",
                        "production"));
        // 8. Branch names JGit would refuse in the middle of a compile.
        for (String branch :
                List.of("main.lock", "a//b", "main/", "a/.b", "a..b", "a/", "b.lock/c")) {
            rows.add(
                    row(
                            "output.branch " + branch,
                            false,
                            "E0708",
                            (ws, t) ->
                                    envs(
                                            ws,
                                            3,
                                            "\n[environments.integration.output]\nbranch = \""
                                                    + branch
                                                    + "\"\n"),
                            "compile",
                            "--env",
                            "integration"));
        }
        // The field's own pattern refuses these before git's rules are asked.
        for (String branch : List.of(".hidden", "two words", "-x")) {
            rows.add(
                    row(
                            "output.branch " + branch,
                            false,
                            "E0214",
                            (ws, t) ->
                                    envs(
                                            ws,
                                            3,
                                            "\n[environments.integration.output]\nbranch = \""
                                                    + branch
                                                    + "\"\n"),
                            "compile",
                            "--env",
                            "integration"));
        }
        // 9. A lock whose writer may be alive: exit 3 naming the file, and nothing written at all.
        rows.add(
                new Row(
                        "a fresh ref lock of unknown origin",
                        (ws, t) -> {
                            Checkout.write(
                                    ws.resolve("out/production/.git/refs/heads/main.lock"), "");
                            Workspaces.changeSource(ws, "blocked");
                            return "";
                        },
                        true,
                        Map.of(),
                        3,
                        "is locked by `",
                        List.of("compile", "--env", "production")));
        return rows.stream().map(row -> Arguments.of(row.name(), row));
    }

    @Test
    void everyPlacementCodeHasARow() {
        List<String> covered = rows().map(arguments -> ((Row) arguments.get()[1]).code()).toList();
        assertThat(covered)
                .containsAll(
                        Stream.of(Code.values())
                                .map(Code::id)
                                .filter(id -> id.startsWith("E07") && !id.equals("E0701"))
                                .toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isRefusedWithALocatedErrorAndNothingChanges(String name, Row row, @TempDir Path temp)
            throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Checkout.write(workspace.resolve(".gitignore"), "/out\n");
        if (row.compiledBefore()) {
            Storyc.Outcome first = Storyc.run(workspace, "compile", "--env", "production");
            assertThat(first.exitCode()).as(first.toString()).isZero();
        }
        String location = row.defect().apply(workspace, temp);
        GitCli.git(workspace, "add", "-A");
        GitCli.git(
                workspace,
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "commit",
                "-qm",
                "workspace");
        TreeSnapshot before = TreeSnapshot.of(temp);

        String[] args =
                row.args().stream()
                        .map(arg -> arg.replace("{workspace}", workspace.toString()))
                        .toArray(String[]::new);
        Storyc.Outcome outcome = Storyc.run(workspace, row.variables(), args);

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(row.exit());
        if (row.exit() == 3) {
            // An operational failure: no position, a message that names what blocked the run.
            assertThat(outcome.stderr()).as(outcome.toString()).contains("error: ", row.code());
        } else {
            assertThat(outcome.stderr())
                    .as(outcome.toString())
                    .containsPattern(
                            Pattern.compile(
                                    "error\\["
                                            + row.code()
                                            + "\\][^\\n]*\\n\\s*--> "
                                            + Pattern.quote(location)
                                            + "\\n"));
        }
        assertThat(outcome.stderr()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(TreeSnapshot.of(temp))
                .as("everything under the test folder, unchanged")
                .isEqualTo(before);
        assertThat(GitCli.git(workspace, "status", "--porcelain")).isEmpty();
    }

    private static Row row(
            String name, boolean compiledBefore, String code, Defect defect, String... args) {
        return new Row(name, defect, compiledBefore, Map.of(), 1, code, List.of(args));
    }

    /**
     * Appends {@code text} to environments.toml; returns {@code environments.toml:L:1} for its
     * {@code line}-th line (1 is the first appended line), where the offending key is.
     */
    private static String envs(Path workspace, int line, String text) throws IOException {
        Path file = workspace.resolve("environments.toml");
        long existing = Files.readString(file).lines().count();
        String before = Files.readString(file);
        int start = before.endsWith("\n") ? (int) existing + 1 : (int) existing;
        Files.writeString(file, text, StandardOpenOption.APPEND);
        return "environments.toml:" + (start + line - 1) + ":1";
    }

    private static String settingsFile(Path workspace, String line) {
        Checkout.write(workspace.resolve("storyc.toml"), line + "\n");
        return "storyc.toml:1:1";
    }

    private static String definedAt(Path workspace, String environment) {
        List<String> lines = Checkout.read(workspace.resolve("environments.toml")).lines().toList();
        int index = lines.indexOf("[environments." + environment + "]");
        if (index < 0) {
            throw new UncheckedIOException(new IOException("no table for " + environment));
        }
        return "environments.toml:" + (index + 1) + ":1";
    }
}
