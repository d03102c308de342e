package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
