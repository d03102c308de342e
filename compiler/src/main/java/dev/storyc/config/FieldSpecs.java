package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads field declarations such as {@code { type = "int", min = 1, default = 11 }}: the one syntax
 * shared by the stdlib types file, {@code [types]} in environments.toml and template parameters.
 * Declarations are closed like everything else: a misspelt key or type is an error.
 */
final class FieldSpecs {
    static final List<String> KEYS = List.of("type", "required", "default", "values", "pattern", "min", "max", "doc");
    /** Spellings from other schema languages, suggested even where edit distance would not find them. */
    private static final Map<String, String> ALIASES = Map.of("integer", "int", "boolean", "bool", "str", "string",
            "minimum", "min", "maximum", "max", "regex", "pattern", "enum", "values", "description", "doc",
            "optional", "required");

    private FieldSpecs() {}

    /**
     * Returns the field declared by {@code spec}, or empty after reporting why it is not a
     * declaration. {@code records} are the record names a type may use.
     */
    static Optional<FieldType> parse(String label, String name, ConfigValue spec, Set<String> records,
            Diagnostics diagnostics) {
        if (!(spec instanceof ConfigTable table)) {
            diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, spec.position(),
                            "`" + label + "` must declare a field, such as `{ type = \"string\" }`"));
            return Optional.empty();
        }
        boolean ok = true;
        for (var entry : table.entries().entrySet()) {
            if (!KEYS.contains(entry.getKey())) {
                diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, entry.getValue().position(),
                                "`" + entry.getKey() + "` is not part of a field declaration")
                        .withHint(suggest(entry.getKey(), KEYS)
                                .orElse("a declaration has " + String.join(", ", KEYS))));
                ok = false;
            }
        }
        Optional<String> type = string(table, "type", diagnostics);
        if (type.isEmpty()) {
            if (table.get("type").isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, table.position(),
                                "`" + label + "` does not say its `type`")
                        .withHint("add `type = \"string\"`, or identifier, int, bool, enum, url, path, secret, any, list<T>, map<T>"));
            }
            return Optional.empty();
        }
        Position typeAt = table.get("type").orElseThrow().position();
        if (!validType(type.get(), records)) {
            Set<String> known = new TreeSet<>(FieldType.PRIMITIVES);
            known.addAll(records);
            diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, typeAt,
                            "`" + type.get() + "` is not a type")
                    .withHint(suggest(type.get(), known)
                            .orElse("the types are " + String.join(", ", known) + ", list<T> and map<T>")));
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        Optional<ConfigValue> declaredValues = table.get("values");
        if (declaredValues.isPresent()) {
            if (declaredValues.get() instanceof ConfigList list
                    && list.items().stream().allMatch(v -> v.toPlain() instanceof String)) {
                list.items().forEach(v -> values.add((String) v.toPlain()));
            } else {
                diagnostics.error(Code.ENV_TYPE_DECLARATION, declaredValues.get().position(),
                        "`values` must be a list of strings");
                ok = false;
            }
        }
        if (baseType(type.get()).equals("enum") && values.isEmpty()) {
            diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, typeAt, "an enum needs its `values`")
                    .withHint("add `values = [\"a\", \"b\"]`"));
            ok = false;
        }
        Optional<Pattern> pattern = Optional.empty();
        Optional<String> regex = string(table, "pattern", diagnostics);
        if (regex.isPresent()) {
            try {
                pattern = Optional.of(Pattern.compile(regex.get()));
            } catch (PatternSyntaxException e) {
                diagnostics.error(Code.ENV_TYPE_DECLARATION, table.get("pattern").orElseThrow().position(),
                        "`pattern` is not a valid regular expression: " + e.getDescription());
                ok = false;
            }
        }
        Optional<Long> min = number(table, "min", diagnostics);
        Optional<Long> max = number(table, "max", diagnostics);
        Optional<ConfigValue> required = table.get("required");
        if (required.isPresent() && !(required.get().toPlain() instanceof Boolean)) {
            diagnostics.error(Code.ENV_TYPE_DECLARATION, required.get().position(), "`required` must be true or false");
            ok = false;
        }
        Optional<String> doc = string(table, "doc", diagnostics);
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new FieldType(name, type.get(),
                required.map(r -> Boolean.TRUE.equals(r.toPlain())).orElse(false),
                table.get("default"), values, pattern, min, max, doc, table.position()));
    }

    private static Optional<String> suggest(String name, java.util.Collection<String> known) {
        String alias = ALIASES.get(name);
        if (alias != null && known.contains(alias)) {
            return Optional.of("did you mean `" + alias + "`?");
        }
        return Spelling.didYouMean(name, known);
    }

    /** Returns true when {@code type} is a primitive, a known record, or a list or map of one. */
    static boolean validType(String type, Set<String> records) {
        if ((type.startsWith("list<") || type.startsWith("map<")) && type.endsWith(">")) {
            return validType(type.substring(type.indexOf('<') + 1, type.length() - 1), records);
        }
        return FieldType.PRIMITIVES.contains(type) || records.contains(type);
    }

    private static String baseType(String type) {
        return type.startsWith("list<") || type.startsWith("map<") ? baseType(type.substring(type.indexOf('<') + 1,
                type.length() - 1)) : type;
    }

    private static Optional<String> string(ConfigTable table, String key, Diagnostics diagnostics) {
        Optional<ConfigValue> value = table.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().toPlain() instanceof String text) {
            return Optional.of(text);
        }
        diagnostics.error(Code.ENV_TYPE_DECLARATION, value.get().position(), "`" + key + "` must be a string");
        return Optional.empty();
    }

    private static Optional<Long> number(ConfigTable table, String key, Diagnostics diagnostics) {
        Optional<ConfigValue> value = table.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().toPlain() instanceof Long number) {
            return Optional.of(number);
        }
        diagnostics.error(Code.ENV_TYPE_DECLARATION, value.get().position(), "`" + key + "` must be an integer");
        return Optional.empty();
    }
}
