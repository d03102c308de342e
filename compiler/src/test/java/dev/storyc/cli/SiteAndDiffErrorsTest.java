package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The E10xx family, one row per mistake: the code, the exit code, where it points, the message and
 * the hint, and that nothing was written; plus a check that every E10xx code has a row.
 */
class SiteAndDiffErrorsTest {
    /** One mistake: how to make it in a fresh copy of the example, and what storyc must say. */
    record Row(
            String code,
            int exit,
            Function<Path, List<String>> arguments,
            String at,
            String message,
            String hint) {}

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(
                        new Row(
                                "E1001",
                                1,
                                workspace -> {
                                    Path folder =
                                            Checkout.write(
                                                            workspace.resolve("notes/todo.txt"),
                                                            "mine\n")
                                                    .getParent();
                                    return List.of("site", "--out", folder.toString());
                                },
                                "notes",
                                "exists and is not a site storyc wrote, so storyc will not replace"
                                    + " it",
                                "choose an empty or new folder with --out, or delete this one")),
                Arguments.of(
                        new Row(
                                "E1002",
                                2,
                                workspace ->
                                        List.of("diff", "--env", "production", "--against", "v9.9"),
                                "command line",
                                "`v9.9` names no commit of the workspace that holds it",
                                "give a branch, tag or commit id")),
                Arguments.of(
                        new Row(
                                "E1002",
                                2,
                                workspace -> {
                                    deleteGit(workspace);
                                    return List.of(
                                            "diff", "--env", "integration", "--against", "HEAD");
                                },
                                "command line",
                                "needs the workspace in a git repository",
                                "commit the workspace to git, or leave out --against")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reportsTheMistakeAndWritesNothing(Row row, @TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        List<String> arguments = row.arguments().apply(workspace);
        List<Path> before = files(temp);

        Storyc.Outcome outcome = Storyc.run(workspace, arguments.toArray(String[]::new));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(row.exit());
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr())
                .contains("error[" + row.code() + "]: ")
                .contains(row.message())
                .contains("= help: " + row.hint())
                .containsPattern("--> [^\\n]*" + java.util.regex.Pattern.quote(row.at()));
        assertThat(files(temp)).as("nothing written").isEqualTo(before);
    }

    @Test
    void everySiteAndDiffCodeHasARow() {
        List<String> covered = rows().map(a -> ((Row) a.get()[0]).code()).toList();
        assertThat(covered)
                .containsAll(
                        Stream.of(Code.values())
                                .map(Code::id)
                                .filter(id -> id.startsWith("E10"))
                                .toList());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.toString().contains("/.git/")).sorted().toList();
        }
    }

    private static void deleteGit(Path workspace) {
        try (Stream<Path> walk = Files.walk(workspace.resolve(".git"))) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
