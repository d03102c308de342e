package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One problem found in many environments is reported once, naming the others. */
class SameInEnvironmentsTest {
    static final Position AT = Position.of("stories/a/views/a.view.lkml", 3, 5);

    static SameInEnvironments.Found found(String environment, Diagnostic diagnostic) {
        return new SameInEnvironments.Found(Optional.ofNullable(environment), diagnostic);
    }

    static Diagnostic join(String message) {
        return Diagnostic.error(Code.DEPLOY_WITHOUT_REVERT, AT, message).withHint("fix it");
    }

    @Test
    void theSameProblemInThreeEnvironmentsIsOneDiagnosticWithANote() {
        List<Diagnostic> merged = SameInEnvironments.merge(List.of(found("prod", join("broken")),
                found("acc", join("broken")), found("int", join("broken"))));

        assertThat(merged).containsExactly(join("broken").withRelated(AT,
                "the same in environments acc, int"));
    }

    @Test
    void oneOtherEnvironmentIsNamedInTheSingular() {
        assertThat(SameInEnvironments.merge(
                List.of(found("prod", join("x")), found("acc", join("x")))))
                .containsExactly(join("x").withRelated(AT, "the same in environment acc"));
    }

    @Test
    void aMessageThatNamesItsOwnEnvironmentStillMerges() {
        List<Diagnostic> merged = SameInEnvironments.merge(List.of(
                found("prod", join("`prod` reads `prod_db`")), found("acc",
                        join("`acc` reads `prod_db`"))));

        assertThat(merged).containsExactly(join("`prod` reads `prod_db`")
                .withRelated(AT, "the same in environment acc"));
    }

    @Test
    void differentPositionsCodesOrHintsStayApartInFirstFoundOrder() {
        Diagnostic elsewhere = Diagnostic.error(Code.DEPLOY_WITHOUT_REVERT,
                Position.of("b.sql", 1, 1), "broken")
                .withHint("fix it");
        Diagnostic otherHint = join("broken").withHint("another fix");
        List<Diagnostic> merged = SameInEnvironments.merge(List.of(found("prod", elsewhere),
                found("prod", join("broken")), found("acc", otherHint)));

        assertThat(merged).containsExactly(elsewhere, join("broken"), otherHint);
    }

    @Test
    void projectWideDuplicatesMergeWithoutANote() {
        Diagnostic missing = Diagnostic.error(Code.PIN_OBJECT_MISSING, AT, "missing");

        assertThat(SameInEnvironments.merge(List.of(found(null, missing), found(null, missing))))
                .containsExactly(missing);
    }
}
