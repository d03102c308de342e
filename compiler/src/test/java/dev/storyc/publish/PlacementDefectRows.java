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

/** Rows of {@link NothingDestroyedTest}: output folders and remotes on the workspace, shared, or outside it. */
final class PlacementDefectRows {
    private PlacementDefectRows() {}

    static void addTo(List<Row> rows) {
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
        Defect sharedFolder = (ws, t) -> envs(ws, 3,
                "\n" + "[environments.integration.output]\n" + "path = \"out/production\"\n");
        rows.add(row("two environments share a folder", true, "E0706", sharedFolder, "compile", "--all"));
        // Read-only commands too: the shared folder may be another environment's.
        for (List<String> reading : List.of(List.of("status"), List.of("diff", "--env", "integration"), List.of("site"),
                List.of("warehouse", "plan", "--env", "integration"))) {
            rows.add(row("two environments share a folder, read by " + reading.get(0), true, "E0706", sharedFolder,
                    reading.toArray(String[]::new)));
        }
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
    }
}
