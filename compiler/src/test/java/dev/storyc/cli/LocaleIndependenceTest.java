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
}
