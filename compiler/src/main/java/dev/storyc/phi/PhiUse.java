package dev.storyc.phi;

import dev.storyc.diag.Code;
import dev.storyc.diag.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * One place where an output lets a protected value through, found in a rendered (or rewritten)
 * file: the proof turns it into a diagnostic at the template line, with the classification line
 * as a related location.
 *
 * @param path the template path of the file
 * @param at where the use starts in the file's text (rendered or rewritten: they share lines)
 * @param token the text of the use, for the column of the template position
 * @param through where the raw value the use reads comes from, when it is another place
 */
record PhiUse(String path, Position at, String token, ProtectedColumn column, Code code,
        String message, String hint, Optional<PhiUse> through) {
    PhiUse {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(through, "through");
    }
}
