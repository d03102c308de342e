package dev.storyc.publish;

import static dev.storyc.publish.NothingDestroyedRows.*;
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

    static Stream<Arguments> rows() {
        return NothingDestroyedRows.all();
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
}
