package dev.storyc.phi;

import dev.storyc.diag.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A SqlPhiFinding is one place in one SQL text where policy and SQL meet: a protected value that
 * storyc cannot treat there (an error), or, for the proof, a protected value that reaches a stored
 * column untreated.
 *
 * @param code the diagnostic code
 * @param offset where in the SQL text
 * @param message one sentence, code in backticks
 * @param hint what to do about it
 * @param column the classified column concerned, whose phi.toml line the diagnostic names
 */
public record SqlPhiFinding(Code code, int offset, String message, String hint,
        Optional<ProtectedColumn> column) {
    public SqlPhiFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(column, "column");
    }
}
