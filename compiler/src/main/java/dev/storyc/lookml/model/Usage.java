package dev.storyc.lookml.model;

import dev.storyc.diag.Position;

import java.util.Objects;
import java.util.Optional;

/**
 * A Usage is one place where LookML names something it does not define on the spot: a
 * {@code ${field}} substitution, an entry of a {@code fields} list, the field of a measure filter,
 * an {@code @{constant}}, a text that holds Liquid. The checks resolve each one in its scope.
 *
 * @param kind what sort of name it is, which decides how it resolves
 * @param text the name as written: {@code view.field} for a substitution (without {@code ${}}),
 *     {@code -view.set*} for a list entry, the whole text for Liquid
 * @param position where the text starts in the file
 * @param key the LookML key that holds it, such as {@code sql_on} or {@code drill_fields}
 * @param field the field whose block holds it, when it is inside one
 * @param join the join whose block holds it, when it is inside one
 */
public record Usage(
        UsageKind kind,
        String text,
        Position position,
        String key,
        Optional<String> field,
        Optional<String> join) {
    public Usage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(key, "key");
    }
}
