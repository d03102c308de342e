package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell completion comes from the command model, so it knows every command and option. */
class CompletionCommandTest {
    @Test
    void bashCompletionKnowsNestedCommandsAndTheirOptions() {
        Storyc.Outcome outcome = Storyc.runIn(Path.of(""), Map.of(), "completion", "bash");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_storyc")
                .contains("function _picocli_storyc_release_seal()")
                .containsPattern("local flag_opts=\"[^\"]*--force")
                .contains("function _picocli_storyc_completion()");
    }

    @Test
    void zshCompletionIsThePicocliScriptSourcedThroughBashcompinit() {
        Storyc.Outcome outcome = Storyc.runIn(Path.of(""), Map.of(), "completion", "zsh");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).startsWith("# storyc completion for zsh: source this file from ~/.zshrc.\n")
                .contains("autoload -U +X bashcompinit && bashcompinit")
                .contains("function _picocli_storyc_release_seal()");
    }

    @Test
    void anUnknownShellIsAUsageMistake() {
        Storyc.Outcome outcome = Storyc.runIn(Path.of(""), Map.of(), "completion", "fish");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("Invalid value for positional parameter at index 0 (SHELL): expected one of"
                + " [bash, zsh]");
    }

    @Test
    void namesAreListedFromTheWorkspaceAndNothingOutsideOne(@TempDir Path temp) throws IOException {
        Path workspace = temp.resolve("ws");
        Checkout.copy(Checkout.root().resolve("compiler/src/test/resources/cases/minimal"), workspace);
        Files.createDirectories(workspace.resolve("stories/Not-An-Id"));
        Files.writeString(workspace.resolve("releases/notes.txt"), "not a release\n");
        Files.writeString(workspace.resolve("releases/*.toml"), "stories = []\n");
        Files.writeString(workspace.resolve("releases/all.toml"), "stories = []\n");

        assertThat(Storyc.runIn(workspace, Map.of(), "__names", "env").stdout()).isEqualTo("dev\nprod\n");
        assertThat(Storyc.runIn(workspace, Map.of(), "__names", "story").stdout()).isEqualTo("base\nextra\n");
        assertThat(Storyc.runIn(workspace, Map.of(), "__names", "release").stdout()).isEqualTo("r1\n");
        Storyc.Outcome outside = Storyc.runIn(temp, Map.of(), "__names", "env");
        assertThat(outside.exitCode()).isZero();
        assertThat(outside.stdout()).isEmpty();
    }

    /**
     * Bash completes names from the workspace the shell is in: the script, sourced by a real bash,
     * calls storyc (a JVM on the test classpath, as {@code COMP_WORDS[0]}) when Tab is pressed.
     */
    @Test
    void bashCompletesEnvironmentStoryAndReleaseNamesFromTheWorkspace(@TempDir Path temp) throws Exception {
        Path workspace = temp.resolve("ws");
        Checkout.copy(Checkout.root().resolve("compiler/src/test/resources/cases/minimal"), workspace);
        Path script = temp.resolve("storyc.bash");
        Files.writeString(script, Storyc.runIn(Path.of(""), Map.of(), "completion", "bash").stdout());
        Path storyc = temp.resolve("storyc");
        Files.writeString(storyc, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' dev.storyc.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(storyc, PosixFilePermissions.fromString("rwx------"));

        assertThat(complete(workspace, script, storyc, "env", "show", "")).containsExactly("dev", "prod");
        assertThat(complete(workspace, script, storyc, "compile", "-e", "p")).containsExactly("prod");
        assertThat(complete(workspace, script, storyc, "release", "add", "")).containsExactly("r1");
        assertThat(complete(workspace, script, storyc, "release", "add", "r1", "e")).containsExactly("extra");
        assertThat(complete(workspace, script, storyc, "release", "promote", "r1", "--to", ""))
                .containsExactly("dev", "prod");
        // Options still complete as Picocli made them, with no call of storyc.
        assertThat(complete(workspace, script, storyc, "compile", "--al")).containsExactly("--all");
        // Outside a workspace there is nothing to offer, and nothing is printed; --project names one.
        assertThat(complete(temp, script, storyc, "env", "show", "")).isEmpty();
        assertThat(complete(temp, script, storyc, "--project", workspace.toString(), "env", "show", ""))
                .containsExactly("dev", "prod");
        assertThat(complete(temp, script, storyc, "-p", "ws", "release", "seal", "")).containsExactly("r1");
    }

    /** Sources {@code script} in bash in {@code folder}, completes {@code words} and returns the offers. */
    private static List<String> complete(Path folder, Path script, Path storyc, String... words) throws Exception {
        StringBuilder line = new StringBuilder("COMP_WORDS=('" + storyc + "'");
        for (String word : words) {
            line.append(" '").append(word).append("'");
        }
        line.append("); COMP_CWORD=").append(words.length)
                .append("; COMP_LINE=\"${COMP_WORDS[*]}\"; COMPREPLY=(); _complete_storyc;")
                .append(" printf '%s\\n' \"${COMPREPLY[@]}\"");
        Process bash = new ProcessBuilder("bash", "-c", "source '" + script + "' 2>/dev/null; " + line)
                .directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(offer -> !offer.isBlank()).sorted().toList();
    }
}
