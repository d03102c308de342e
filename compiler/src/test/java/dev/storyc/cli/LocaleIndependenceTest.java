package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.StorycProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * storyc prints the same bytes whatever the user's locale: a Turkish locale folds `i` to `İ`,
 * which once broke every command that opens a workspace, and an Arabic one prints other digits.
 */
class LocaleIndependenceTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tr", "ar", "de"})
    void aCheckPrintsWhatItPrintsInTheRootLocale(String language, @TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Storyc.Outcome expected = StorycProcess.start(workspace, temp.resolve("logs"), Map.of(),
                "check", "--all").await(120);

        Storyc.Outcome local = StorycProcess.start(workspace, temp.resolve("logs"),
                Map.of("JAVA_TOOL_OPTIONS", "-Duser.language=" + language + " -Duser.country=TR"),
                "check", "--all").await(120);

        assertThat(local.exitCode()).as(local.toString()).isZero();
        assertThat(local.stdout()).isEqualTo(expected.stdout()).contains("ok  production       2026-W47   4 stories");
    }

    /**
     * Java names files in the locale's encoding, ASCII under the C locale: a non-ASCII file name
     * cannot be opened there. That is said in words, exit 3, not as a bug with a stack trace (the
     * launcher asks for a UTF-8 locale, so only a JVM started by hand meets it).
     */
    @org.junit.jupiter.api.Test
    void aFileNameTheLocaleCannotEncodeIsAnOperationalFailureInWords(@TempDir Path temp) throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        // Named by the shell, in bytes, so that this JVM's own locale does not matter.
        Process named = new ProcessBuilder("sh", "-c", "printf 'view: e_acute {}\\n' > \"$(printf '\\303\\251')"
                + ".view.lkml\"").directory(workspace.resolve("stories/encounters/views").toFile()).start();
        assertThat(named.waitFor()).isZero();

        Storyc.Outcome c = StorycProcess.start(workspace, temp.resolve("logs"),
                Map.of("LC_ALL", "C", "LANG", "C", "LC_CTYPE", "C"), "check", "--env", "integration").await(120);

        // Removed by the shell too, so that a JVM under the C locale can clean the folder up.
        new ProcessBuilder("sh", "-c", "rm -f \"$(printf '\\303\\251')\".view.lkml")
                .directory(workspace.resolve("stories/encounters/views").toFile()).start().waitFor();
        assertThat(c.exitCode()).as(c.toString()).isEqualTo(3);
        assertThat(c.stderr()).contains("error: cannot name the file `stories/encounters/views/")
                .contains("LC_ALL=C.UTF-8").doesNotContain("Exception");
    }
}
