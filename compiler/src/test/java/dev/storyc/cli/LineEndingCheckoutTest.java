package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commit compiles to the same bytes on every checkout. Git for Windows checks text out
 * with CRLF line endings (core.autocrlf=true), and a committed {@code eol=crlf} does so anywhere;
 * the blobs stay LF. Compiled as read, the output, its deploy hashes and the stories' ids differed
 * from a Linux checkout's, and the check warned E0804 about pinned changes nobody had edited.
 */
class LineEndingCheckoutTest {
    @Test
    void aCrlfCheckoutCompilesTheSameTreesAsAnLfOneAndWarnsOfNoEdit(@TempDir Path temp) throws Exception {
        Path linux = Checkout.copyExampleWorkspace(temp.resolve("linux"));
        git(linux, "add", "-A");
        git(linux, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "Start");
        Path windows = temp.resolve("windows");
        git(temp, "clone", "-q", "-c", "core.autocrlf=true", linux.toString(), windows.toString());
        assertThat(Files.readString(windows.resolve("stories/patients/schema/deploy.sql"))).contains("\r\n");

        Storyc.Outcome check = Storyc.run(windows, "check", "--all");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.stderr()).doesNotContain("E0804");
        for (Path workspace : new Path[] {linux, windows}) {
            Storyc.Outcome compiled = Storyc.run(workspace, "compile", "-e", "integration", "-e", "production",
                    "-o", temp.resolve("out-" + workspace.getFileName()).toString());
            assertThat(compiled.exitCode()).as(compiled.toString()).isZero();
        }
        for (String environment : new String[] {"integration", "production"}) {
            assertThat(git(temp.resolve("out-windows/" + environment), "rev-parse", "HEAD^{tree}"))
                    .as(environment).isEqualTo(git(temp.resolve("out-linux/" + environment), "rev-parse", "HEAD^{tree}"));
        }
        assertThat(Files.readString(temp.resolve("out-windows/integration/warehouse/plan.toml"))).doesNotContain("\r");
    }

    /**
     * Committing a CRLF file changes how it is read (as committed) without touching it, so a run
     * replayed or a story id remembered from its stamps gave the old output (round 16). A run that
     * read a file with a carriage return remembers nothing by stamps.
     */
    @Test
    void committingACrlfFileIsSeenByTheNextCachedCompile(@TempDir Path temp) throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Checkout.write(workspace.resolve(".gitignore"), "/out/\n/.storyc/\n");
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "Start");
        Path view = workspace.resolve("stories/patients/views/patients.view.lkml");
        Files.writeString(view, Files.readString(view).replace("\n", "\r\n"));
        // Stamps are trusted two seconds after a file's last change, as storyc reads racy files.
        Thread.sleep(2_100);
        Storyc.Outcome first = Storyc.run(workspace, "compile", "-e", "integration");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "CRLF");
        Storyc.Outcome cached = Storyc.run(workspace, "compile", "-e", "integration");
        Storyc.Outcome uncached = Storyc.run(workspace, "compile", "-e", "integration", "--no-cache",
                "-o", temp.resolve("out-uncached").toString());

        assertThat(cached.exitCode()).as(cached.toString()).isZero();
        assertThat(uncached.exitCode()).as(uncached.toString()).isZero();
        assertThat(git(workspace.resolve("out/integration"), "rev-parse", "HEAD^{tree}"))
                .isEqualTo(git(temp.resolve("out-uncached/integration"), "rev-parse", "HEAD^{tree}"));
        assertThat(Files.readString(workspace.resolve("out/integration/views/patients/patients.view.lkml")))
                .contains("\r\n");
    }
}
