package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.emit.CompiledEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code storyc status} works out back-outs from the output's head alone; the site and {@code diff}
 * from a full preview of the next commit. The two must agree, or the board and the table disagree.
 */
class OutputPreviewTest {
    private final CompiledEnvironment everything = OutputCommitTest.compiled("dev-alice");
    private final CompiledEnvironment sealed = OutputCommitTest.compiled("production");

    @Test
    void theHeadAloneNamesTheStoriesAPreviewKeepsRevertsFor() {
        Map<String, String> head = everything.tree().texts();

        Set<String> previewed = OutputPreview.backedOut(OutputPreview.onTopOf(sealed, files(head)));
        Set<String> fromHead = OutputPreview.backedOut(files(head), selectedBy(sealed));

        assertThat(previewed).isNotEmpty();
        assertThat(fromHead).isEqualTo(previewed);
    }

    @Test
    void pendingRevertsStayUntilTheirStoryReturns() {
        Map<String, String> backedOut = OutputPreview.onTopOf(sealed, files(everything.tree().texts()))
                .tree().texts();

        assertThat(OutputPreview.backedOut(files(backedOut), selectedBy(sealed)))
                .isEqualTo(OutputPreview.backedOut(OutputPreview.onTopOf(sealed, files(backedOut))))
                .isNotEmpty();
        assertThat(OutputPreview.backedOut(files(backedOut), selectedBy(everything)))
                .isEqualTo(OutputPreview.backedOut(OutputPreview.onTopOf(everything, files(backedOut))))
                .isEmpty();
    }

    @Test
    void anOutputNeverCompiledBacksNothingOut() {
        assertThat(OutputPreview.backedOut(files(Map.of()), story -> false)).isEmpty();
    }

    private static Function<String, Optional<String>> files(Map<String, String> tree) {
        return path -> Optional.ofNullable(tree.get(path));
    }

    private static java.util.function.Predicate<String> selectedBy(CompiledEnvironment compiled) {
        return compiled.lock().stories()::containsKey;
    }
}
