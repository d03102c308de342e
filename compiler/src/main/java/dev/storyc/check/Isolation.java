package dev.storyc.check;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.emit.OutputFile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that no output file of an environment names a connection, database, schema, host or
 * remote of another environment. A value the environment itself also has (two test databases on
 * one host) is shared, not leaked. Matching is on whole tokens: {@code analytics_prod} does not
 * match inside {@code analytics_prod_archive}, nor {@code analytics} inside {@code analytics_prod}.
 */
final class Isolation {
    /** What an environment's value is: the field and the template expression that gives it. */
    private enum Field {
        CONNECTION("connection", "env.connection"),
        DATABASE("warehouse database", "env.warehouse.database"),
        SCHEMA("warehouse schema", "env.warehouse.schema"),
        HOST("warehouse host", "env.warehouse.host"),
        REMOTE("output remote", "env.output.remote");

        final String label;
        final String expression;

        Field(String label, String expression) {
            this.label = label;
            this.expression = expression;
        }
    }

    /** A value that belongs to other environments, which fields hold it, and which environments. */
    private record Foreign(String value, Set<Field> fields, List<Environment> owners) {}

    private final Map<String, List<Foreign>> byFirstToken = new HashMap<>();
    private final BitSet firstTokenLengths = new BitSet();

    private Isolation(Environment environment, Environments environments) {
        Map<String, Set<Field>> own = values(environment);
        Map<String, Foreign> foreign = new LinkedHashMap<>();
        for (Environment other : environments.all()) {
            if (other.name().equals(environment.name())) {
                continue;
            }
            values(other).forEach((value, fields) -> {
                if (!own.containsKey(value)) {
                    Foreign leak = foreign.computeIfAbsent(value, v -> new Foreign(v, EnumSet.noneOf(Field.class),
                            new ArrayList<>()));
                    leak.fields().addAll(fields);
                    leak.owners().add(other);
                }
            });
        }
        for (Foreign value : foreign.values()) {
            String first = firstToken(value.value());
            if (!first.isEmpty()) {
                byFirstToken.computeIfAbsent(first, k -> new ArrayList<>()).add(value);
                firstTokenLengths.set(first.length());
            }
        }
    }

    static void check(Scope scope, Environments environments, List<OutputFile> generated) {
        Isolation isolation = new Isolation(scope.environment, environments);
        if (isolation.byFirstToken.isEmpty()) {
            return;
        }
        for (CheckedFile file : scope.files) {
            // Most files name nothing foreign: their token sets (computed once per distinct text,
            // shared by every environment) say so without scanning the text again.
            Set<String> tokens = scope.cache.tokens(file.path(), file.text(), Isolation::tokens);
            if (isolation.byFirstToken.keySet().stream().noneMatch(tokens::contains)) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            isolation.scan(file.text(), (offset, leak) -> {
                Position at = file.atOffset(offset, leak.value());
                if (reported.add(at.line() + "\u0000" + leak.value())) {
                    scope.report(diagnostic(scope, at, leak, "this file"));
                }
            });
        }
        for (OutputFile file : generated) {
            Set<String> reported = new HashSet<>();
            isolation.scan(file.text(), (offset, leak) -> {
                if (reported.add(leak.value())) {
                    scope.report(diagnostic(scope, scope.environmentPosition(), leak,
                            "the generated `" + file.path() + "`"));
                }
            });
        }
    }

    private static Diagnostic diagnostic(Scope scope, Position at, Foreign leak, String where) {
        List<String> owners = leak.owners().stream().map(e -> "`" + e.name() + "`").toList();
        String whose = owners.size() == 1 ? "environment " + owners.get(0) : "environments " + String.join(", ", owners);
        String labels = String.join(" and ", leak.fields().stream().map(f -> f.label).toList());
        String expressions = String.join(" or ", leak.fields().stream().map(f -> "`<% " + f.expression + " %>`").toList());
        Diagnostic diagnostic = Diagnostic.error(Code.ISOLATION_LEAK, at,
                        where + " names `" + leak.value() + "`, the " + labels + " of " + whose
                                + ", but is compiled for environment `" + scope.environment.name() + "`")
                .withHint("write " + expressions + " so that each environment gets its own value");
        Environment owner = leak.owners().get(0);
        return owner.definedAt() == null ? diagnostic
                : diagnostic.withRelated(owner.definedAt(), "environment `" + owner.name() + "` is defined here");
    }

    private interface Hit {
        void found(int offset, Foreign leak);
    }

    /** Calls {@code hit} for every whole-token occurrence of a foreign value in {@code text}. */
    private void scan(String text, Hit hit) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < length && isTokenChar(text.charAt(end))) {
                end++;
            }
            int tokenLength = end - i;
            if (tokenLength < firstTokenLengths.length() && firstTokenLengths.get(tokenLength)) {
                List<Foreign> candidates = byFirstToken.get(text.substring(i, end));
                if (candidates != null) {
                    for (Foreign candidate : candidates) {
                        int valueEnd = i + candidate.value().length();
                        if (text.startsWith(candidate.value(), i)
                                && (valueEnd == length || !isTokenChar(text.charAt(valueEnd))
                                        || !isTokenChar(text.charAt(valueEnd - 1)))) {
                            hit.found(i, candidate);
                        }
                    }
                }
            }
            i = end;
        }
    }

    /** Returns the distinct tokens of a text: maximal runs of letters, digits, `_`, `$` and `-`. */
    private static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        int i = 0;
        while (i < text.length()) {
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isTokenChar(text.charAt(end))) {
                end++;
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** Returns an environment's isolating values, each with the fields that hold it. */
    private static Map<String, Set<Field>> values(Environment environment) {
        Map<String, Set<Field>> values = new LinkedHashMap<>();
        put(values, environment.connection(), Field.CONNECTION);
        if (environment.values().get("warehouse") instanceof Map<?, ?> warehouse) {
            put(values, warehouse.get("database"), Field.DATABASE);
            put(values, warehouse.get("schema"), Field.SCHEMA);
            put(values, warehouse.get("host"), Field.HOST);
        }
        environment.output().remote().ifPresent(remote -> put(values, remote, Field.REMOTE));
        return values;
    }

    private static void put(Map<String, Set<Field>> values, Object value, Field field) {
        if (value instanceof String text && !text.isBlank()) {
            values.computeIfAbsent(text, t -> EnumSet.noneOf(Field.class)).add(field);
        }
    }

    private static String firstToken(String value) {
        int start = 0;
        while (start < value.length() && !isTokenChar(value.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < value.length() && isTokenChar(value.charAt(end))) {
            end++;
        }
        // A value that starts with punctuation cannot be found from its first token's start.
        return start == 0 ? value.substring(start, end) : "";
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c == '-' || (c > 127 && Character.isLetterOrDigit(c));
    }
}
