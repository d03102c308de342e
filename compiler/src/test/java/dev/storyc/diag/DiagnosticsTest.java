package dev.storyc.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    @Test
    void theSameProblemFoundTwiceIsReportedOnceAndInOrder() {
        Diagnostics diagnostics = new Diagnostics();
        Diagnostic later = Diagnostic.error(Code.ENV_FIELD_TYPE, Position.of("environments.toml", 9, 1), "b");
        Diagnostic earlier = Diagnostic.error(Code.ENV_FIELD_TYPE, Position.of("environments.toml", 2, 5), "a");
        diagnostics.add(later);
        diagnostics.add(earlier);
        diagnostics.add(Diagnostic.error(Code.ENV_FIELD_TYPE, Position.of("environments.toml", 9, 1), "b"));

        assertThat(diagnostics.all()).containsExactly(earlier, later);
        assertThat(diagnostics.size()).as("what was found, before it is told").isEqualTo(3);
    }
}
