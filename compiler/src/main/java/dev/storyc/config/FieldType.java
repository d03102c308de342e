package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A FieldType is one declared field of a record: in the stdlib types file, or in the
 * {@code [types]} section of environments.toml.
 *
 * @param type the type's spelling: one of {@link #PRIMITIVES}, list&lt;T&gt;, map&lt;T&gt; or a record name
 * @param declaredAt where the field was declared, for defaults and messages
 */
record FieldType(
        String name,
        String type,
        boolean required,
        Optional<ConfigValue> defaultValue,
        List<String> values,
        Optional<Pattern> pattern,
        Optional<Long> min,
        Optional<Long> max,
        Optional<String> doc,
        Position declaredAt) {

    /** The types that are not records or collections. */
    static final Set<String> PRIMITIVES = Set.of("string", "identifier", "int", "bool", "enum", "url", "path",
            "secret", "any");

    FieldType {
        values = List.copyOf(values);
    }

    /** Returns T of {@code list<T>} or {@code map<T>}, or empty for other types. */
    Optional<String> elementType() {
        int open = type.indexOf('<');
        return open > 0 && type.endsWith(">") ? Optional.of(type.substring(open + 1, type.length() - 1)) : Optional.empty();
    }

    /** Returns the field that each element of a list or map is checked as: same constraints, element type. */
    FieldType element() {
        return new FieldType(name, elementType().orElseThrow(), false, Optional.empty(), values, pattern, min, max, doc,
                declaredAt);
    }

    boolean isList() {
        return type.startsWith("list<");
    }

    boolean isMap() {
        return type.startsWith("map<");
    }
}
