package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on the checkouts CI and downloads make: a {@code git clone --depth 1}
 * of this repository (what actions/checkout does by default) and a ZIP of it.
 */
class ShallowCheckoutTest {
    @TempDir
    Path temp;

    @Test
    void compileAllWorksOnAFreshDepthOneCloneOfThisRepository() {
        Path root = Checkout.root();
        assumeTrue(git(root, "rev-parse", "--is-shallow-repository").equals("false"),
                "this checkout is itself shallow, so it cannot serve the history a clone would fetch");
        Path clone = temp.resolve("clone");
        git(temp, "clone", "-q", "--depth", "1", "file://" + root, clone.toString());
        assertThat(git(clone, "rev-parse", "--is-shallow-repository")).isEqualTo("true");

        Storyc.Outcome outcome = Storyc.runIn(clone, Map.of(), "--color", "never", "compile", "--all");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stderr())
                .contains("warning[E0112]: this was a shallow clone without the trees release `2026-W47` pins;"
                        + " fetched the full history from `origin`")
                .contains("fetch-depth: 0");
        assertThat(outcome.stdout()).containsPattern("committed production\\s+2026-W47\\s+4 stories");
        assertThat(git(clone, "rev-parse", "--is-shallow-repository")).isEqualTo("false");

        Storyc.Outcome again = Storyc.runIn(clone.resolve("stories"), Map.of(), "--color", "never", "compile",
                "--all");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stderr()).as("the history is fetched once").doesNotContain("E0112");
    }

    @Test
    void aShallowCloneWithoutARemoteSaysWhyItCouldNotFetch() {
        Path root = Checkout.root();
        assumeTrue(git(root, "rev-parse", "--is-shallow-repository").equals("false"),
                "this checkout is itself shallow");
        Path clone = temp.resolve("clone");
        git(temp, "clone", "-q", "--depth", "1", "file://" + root, clone.toString());
        git(clone, "remote", "remove", "origin");

        Storyc.Outcome outcome = Storyc.runIn(clone, Map.of(), "--color", "never", "check", "--env",
                "production");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("warning[E0112]: this shallow clone lacks the trees release `2026-W47` pins, and"
                        + " fetching the history failed: the clone has no remote `origin` to fetch from")
                .contains("error[E0309]: release `2026-W47` pins `patients` to tree")
                .contains("this shallow clone lacks it; clone with full history");
    }

    @Test
    void aZipDownloadSaysWhatASealedReleaseNeeds() {
        Path root = Checkout.root();
        Path unpacked = temp.resolve("storyc-main");
        // What GitHub's "Download ZIP" holds: the committed files of HEAD, no .git.
        git(root, "archive", "--format=zip", "-o", temp.resolve("storyc-main.zip").toString(),
                "--prefix=storyc-main/", "HEAD");
        unzip(temp.resolve("storyc-main.zip"), temp);
        assertThat(unpacked.resolve("environments.toml")).exists();
        assertThat(unpacked.resolve(".git")).doesNotExist();
        Storyc.Outcome outcome = Storyc.runIn(unpacked, Map.of(), "--color", "never", "compile", "--env",
                "production");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("error[E0309]: release `2026-W47` is sealed, but the workspace is not in a git repository")
                .contains("--> releases/2026-W47.toml:11:1")
                .contains("a ZIP download or an export lacks: `git clone` the repository instead");
        assertThat(unpacked.resolve("out")).doesNotExist();
        Storyc.Outcome integration = Storyc.runIn(unpacked, Map.of(), "--color", "never", "compile", "--env",
                "integration");
        assertThat(integration.exitCode()).as("unsealed environments need no history").isZero();
    }

    private static void unzip(Path zip, Path into) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                java.nio.file.Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.createDirectories(target.getParent());
                    java.nio.file.Files.copy(in, target);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
