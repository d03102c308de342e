package dev.storyc.publish;

import static dev.storyc.publish.NothingDestroyedRows.*;

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

/** Rows of {@link NothingDestroyedTest}: foreign repositories, links, branch names and live locks. */
final class RepositoryDefectRows {
    private RepositoryDefectRows() {}

    static void addTo(List<Row> rows) {
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
                        "out is a file",
                        false,
                        "E0711",
                        (ws, t) -> {
                            Checkout.write(ws.resolve("out"), "junk\n");
                            return definedAt(ws, "production");
                        },
                        "check",
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
                List.of("main.lock", "a//b", "main/", "a/.b", "a..b", "a/", "b.lock/c", "HEAD")) {
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
    }
}
