package dev.storyc.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A FieldType is one declared field of a record in the stdlib types file.
 *
 * @param type the type's spelling: string, int, bool, enum, url, secret, any, list&lt;T&gt;,
 *     map&lt;T&gt; or a record name
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
        Optional<String> doc) {

    FieldType {
        values = List.copyOf(values);
    }

    /** Returns T of {@code list<T>} or {@code map<T>}, or empty for other types. */
    Optional<String> elementType() {
        int open = type.indexOf('<');
        return open > 0 && type.endsWith(">") ? Optional.of(type.substring(open + 1, type.length() - 1)) : Optional.empty();
    }

    boolean isList() {
        return type.startsWith("list<");
    }

    boolean isMap() {
        return type.startsWith("map<");
    }
}
