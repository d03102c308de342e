package dev.storyc.check;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.config.IsolationTokens;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that no output file of an environment names a connection, database, schema, host or
 * remote of another environment. A value the environment itself also has (two test databases on
 * one host) is shared, not leaked; environments.toml decides which values may be shared with
 * production (see {@code config.ProductionIsolation}). Matching is on whole tokens, ignoring case,
 * as {@link IsolationTokens} defines them: {@code analytics_prod} does not match inside
 * {@code analytics_prod_archive}, but does in {@code ANALYTICS_PROD} and {@code analytics_prod--x}.
 *
 * <p>The index of every environment's values is built once per run, so checking E environments
 * costs E scans, not E times E comparisons. One instance serves every job's thread: the index is
 * only read after construction, and what each text names is found once, by whichever job asks
 * first.
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

    /** A folded value, as first written, and the environments that have it, with their fields. */
    private record Owned(String value, String folded, Map<String, Set<Field>> owners) {}

    private final Environments environments;
    private final int environmentCount;
    private final Map<String, Owned> byValue = new HashMap<>();
    private final Map<String, List<Owned>> byFirstToken = new HashMap<>();
    /**
     * The lengths and the first characters of the first tokens that are ASCII. An ASCII token
     * folds to an ASCII text of its own length, so one of another length, or starting otherwise,
     * is no first token, and is passed over without being copied and folded: most tokens of a
     * text are, and copying and folding every token was about half of this check's profile.
     */
    private final BitSet asciiFirstTokenLengths = new BitSet();
    private final boolean[] asciiFirstTokenStarts = new boolean[128];
    /**
     * The values each distinct rendered text names, whatever its path. Most texts name none, and
     * all of those share one empty map: at 5,000 stories x 12 environments, a map per path and one
     * per text were 7 MB of a compile's peak.
     */
    private final Map<String, Map<Owned, List<Integer>>> namedByText = new ConcurrentHashMap<>();

    Isolation(Environments environments) {
        this.environments = environments;
        this.environmentCount = environments.all().size();
        for (Environment environment : environments.all()) {
            values(environment).forEach((value, fields) -> byValue.computeIfAbsent(IsolationTokens.fold(value),
                            folded -> new Owned(value, folded, new LinkedHashMap<>()))
                    .owners().put(environment.name(), fields));
        }
        for (Owned owned : byValue.values()) {
            String first = IsolationTokens.firstToken(owned.value());
            if (!first.isEmpty()) {
                byFirstToken.computeIfAbsent(first, k -> new ArrayList<>()).add(owned);
                if (first.chars().allMatch(c -> c < 128)) {
                    asciiFirstTokenLengths.set(first.length());
                    asciiFirstTokenStarts[first.charAt(0)] = true;
                }
            }
        }
    }

    void check(Scope scope, List<OutputFile> generated) {
        if (byFirstToken.isEmpty()) {
            return;
        }
        String self = scope.environment.name();
        // A value every environment has is foreign to none of them, so the texts are indexed
        // without those (every file names the shared schema); an environment from elsewhere,
        // which has none of the values, has its texts scanned on their own.
        boolean known = environments.find(self).isPresent();
        for (CheckedFile file : scope.files) {
            // Which values a text names does not depend on the environment, so it is found once
            // per distinct text; each environment then only asks which of them are foreign.
            Map<Owned, List<Integer>> values = known
                    ? namedByText.computeIfAbsent(file.text(), text -> occurrences(text, null))
                    : occurrences(file.text(), self);
            Set<String> reported = new HashSet<>();
            values.forEach((leak, offsets) -> {
                if (!isForeign(leak, self)) {
                    return;
                }
                for (int offset : offsets) {
                    Position at = file.atOffset(offset,
                            file.text().substring(offset, offset + leak.value().length()));
                    if (reported.add(at.line() + "\u0000" + leak.folded())) {
                        scope.report(diagnostic(scope, at, leak, "this file"));
                    }
                }
            });
        }
        for (OutputFile file : generated) {
            Set<String> reported = new HashSet<>();
            scan(file.text(), self, (offset, leak) -> {
                if (reported.add(leak.folded())) {
                    scope.report(diagnostic(scope, scope.environmentPosition(), leak,
                            "the generated `" + file.path() + "`"));
                }
            });
        }
    }

    private Diagnostic diagnostic(Scope scope, Position at, Owned leak, String where) {
        String self = scope.environment.name();
        List<String> owners = leak.owners().keySet().stream().filter(e -> !e.equals(self))
                .map(e -> "`" + e + "`").toList();
        Set<Field> fields = EnumSet.noneOf(Field.class);
        leak.owners().forEach((owner, owned) -> {
            if (!owner.equals(self)) {
                fields.addAll(owned);
            }
        });
        String whose = owners.size() == 1 ? "environment " + owners.get(0) : "environments " + String.join(", ", owners);
        String labels = String.join(" and ", fields.stream().map(f -> f.label).toList());
        String expressions = String.join(" or ", fields.stream().map(f -> "`<% " + f.expression + " %>`").toList());
        Diagnostic diagnostic = Diagnostic.error(Code.ISOLATION_LEAK, at,
                        where + " names `" + leak.value() + "`, the " + labels + " of " + whose
                                + ", but is compiled for environment `" + self + "`")
                .withHint("write " + expressions + " so that each environment gets its own value");
        String first = leak.owners().keySet().stream().filter(e -> !e.equals(self)).findFirst().orElseThrow();
        Position definedAt = environments.find(first).map(Environment::definedAt).orElse(null);
        return definedAt == null ? diagnostic
                : diagnostic.withRelated(definedAt, "environment `" + first + "` is defined here");
    }

    /**
     * Returns the values foreign to {@code self} that a text names, or when {@code self} is null
     * the values some environment lacks, with the offsets each is named at.
     */
    private Map<Owned, List<Integer>> occurrences(String text, String self) {
        Map<Owned, List<Integer>> found = new LinkedHashMap<>();
        scan(text, self, (offset, value) -> found.computeIfAbsent(value, v -> new ArrayList<>())
                .add(offset));
        return found.isEmpty() ? Map.of() : found;
    }

    private interface Hit {
        void found(int offset, Owned leak);
    }

    /**
     * Calls {@code hit} for every whole-token occurrence in {@code text} of a value foreign to
     * {@code self}, or when {@code self} is null of a value that some environment lacks.
     */
    private void scan(String text, String self, Hit hit) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!IsolationTokens.isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            boolean ascii = text.charAt(i) < 128;
            int end = i + 1;
            char c;
            while (end < length && IsolationTokens.isTokenChar(c = text.charAt(end))) {
                ascii &= c < 128;
                end++;
            }
            if (ascii && !(asciiFirstTokenLengths.get(end - i)
                    && asciiFirstTokenStarts[Character.toLowerCase(text.charAt(i))])) {
                i = end;
                continue;
            }
            List<Owned> candidates = byFirstToken.get(IsolationTokens.fold(text.substring(i, end)));
            if (candidates != null) {
                for (Owned candidate : candidates) {
                    if ((self == null ? !ownedByAll(candidate) : isForeign(candidate, self))
                            && IsolationTokens.occursAt(text, i, candidate.value())) {
                        hit.found(i, candidate);
                    }
                }
            }
            i = end;
        }
    }

    /** Returns whether every environment has a value, so that it is foreign to none. */
    private boolean ownedByAll(Owned owned) {
        return owned.owners().size() == environmentCount;
    }

    /** A value is foreign when other environments have it and this one does not. */
    private static boolean isForeign(Owned owned, String self) {
        return !owned.owners().containsKey(self);
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
        // A remote read from the process (it may carry a token) is a secret, not a name to match.
        if (environment.values().get("output") instanceof Map<?, ?> output) {
            put(values, output.get("remote"), Field.REMOTE);
        }
        return values;
    }

    private static void put(Map<String, Set<Field>> values, Object value, Field field) {
        if (value instanceof String text && !text.isBlank()) {
            values.computeIfAbsent(text, t -> EnumSet.noneOf(Field.class)).add(field);
        }
    }
}
