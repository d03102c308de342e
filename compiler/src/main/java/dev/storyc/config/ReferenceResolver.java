package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code ${path}} and {@code ${environments.E.path}} references after extends. A reference
 * that is a whole value keeps the referenced value's type; one inside a string is interpolated. A
 * whole-value {@code ${env:VAR}} becomes a {@link SecretReference}, decided later by the field's type.
 */
final class ReferenceResolver {
    private static final String ENVIRONMENTS = "environments.";

    private final Map<String, ConfigTable> environments;
    private final Function<String, Optional<String>> processEnvironment;
    private final Diagnostics diagnostics;
    private final Map<String, ConfigValue> done = new HashMap<>();
    private final List<Frame> stack = new ArrayList<>();

    private record Frame(String environment, String path, Position position) {
        String label() {
            return environment + "." + path;
        }
    }

    ReferenceResolver(Map<String, ConfigTable> environments, Function<String, Optional<String>> processEnvironment,
            Diagnostics diagnostics) {
        this.environments = environments;
        this.processEnvironment = processEnvironment;
        this.diagnostics = diagnostics;
    }

    /** Returns the environment's table with every reference replaced by its value. */
    ConfigTable resolve(String environment) {
        return (ConfigTable) resolveValue(environment, "", environments.get(environment));
    }

    private ConfigValue resolveValue(String environment, String path, ConfigValue value) {
        if (value instanceof ConfigTable table) {
            Map<String, ConfigValue> entries = new LinkedHashMap<>();
            table.entries().forEach((k, v) -> entries.put(k, resolvePath(environment, join(path, k), v)));
            return new ConfigTable(entries, table.position());
        }
        if (value instanceof ConfigList list) {
            List<ConfigValue> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                items.add(resolveValue(environment, path + "[" + i + "]", list.items().get(i)));
            }
            return new ConfigList(items, list.position());
        }
        ConfigScalar scalar = (ConfigScalar) value;
        if (!(scalar.value() instanceof String text)) {
            return scalar;
        }
        Interpolation interpolation = Interpolation.parse(text);
        if (!interpolation.hasReferences()) {
            return new ConfigScalar(interpolation.literalText(), scalar.position());
        }
        Optional<Interpolation.Reference> whole = interpolation.wholeReference();
        if (whole.isPresent()) {
            return lookup(environment, whole.get(), scalar.position())
                    .map(found -> relocate(found, scalar.position()))
                    .orElse(scalar);
        }
        StringBuilder out = new StringBuilder();
        for (Interpolation.Part part : interpolation.parts()) {
            if (part instanceof Interpolation.Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Interpolation.Reference reference) {
                out.append(interpolate(environment, reference, scalar.position()));
            }
        }
        return new ConfigScalar(out.toString(), scalar.position());
    }

    /** Resolves the value stored at a path, memoised and guarded against cycles. */
    private ConfigValue resolvePath(String environment, String path, ConfigValue raw) {
        String key = environment + "\u0000" + path;
        ConfigValue cached = done.get(key);
        if (cached != null) {
            return cached;
        }
        for (int i = 0; i < stack.size(); i++) {
            Frame frame = stack.get(i);
            if (frame.environment.equals(environment) && frame.path.equals(path)) {
                reportCycle(i, new Frame(environment, path, raw.position()));
                return raw;
            }
        }
        stack.add(new Frame(environment, path, raw.position()));
        try {
            ConfigValue resolved = resolveValue(environment, path, raw);
            done.put(key, resolved);
            return resolved;
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    private Optional<ConfigValue> lookup(String environment, Interpolation.Reference reference, Position at) {
        String expression = reference.expression();
        if (reference.isEnvironmentVariable()) {
            return Optional.of(new ConfigScalar(Interpolation.environmentVariable(reference), at));
        }
        String target = environment;
        String path = expression;
        if (expression.startsWith(ENVIRONMENTS)) {
            String rest = expression.substring(ENVIRONMENTS.length());
            int dot = rest.indexOf('.');
            target = dot < 0 ? rest : rest.substring(0, dot);
            path = dot < 0 ? "" : rest.substring(dot + 1);
            if (!environments.containsKey(target)) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, at,
                                "`${" + expression + "}` names environment `" + target + "`, which is not defined")
                        .withHint(Spelling.didYouMean(target, environments.keySet())
                                .orElse("the environments are " + String.join(", ", environments.keySet()))));
                return Optional.empty();
            }
        }
        Optional<ConfigValue> raw = path.isEmpty() ? Optional.empty() : environments.get(target).at(path);
        if (raw.isEmpty()) {
            diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, at,
                            "`${" + expression + "}` refers to `" + path + "`, which `" + target + "` does not define")
                    .withHint(Spelling.didYouMean(path, leafPaths(environments.get(target)))
                            .orElse("references name a value of the same environment, such as `${warehouse.database}`,"
                                    + " or of another, such as `${environments.production.connection}`")));
            return Optional.empty();
        }
        return Optional.of(resolvePath(target, path, raw.get()));
    }

    private String interpolate(String environment, Interpolation.Reference reference, Position at) {
        if (reference.isEnvironmentVariable()) {
            SecretReference variable = Interpolation.environmentVariable(reference);
            Optional<String> value = processEnvironment.apply(variable.variable()).or(variable::fallback);
            if (value.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, at,
                                "environment variable `" + variable.variable() + "` is not set")
                        .withHint("set it, or give a default: `${env:" + variable.variable() + ":-value}`"));
                return "";
            }
            return value.get();
        }
        Optional<ConfigValue> found = lookup(environment, reference, at);
        if (found.isEmpty()) {
            return "";
        }
        Object plain = found.get().toPlain();
        if (plain instanceof SecretReference) {
            diagnostics.add(Diagnostic.error(Code.ENV_FIELD_TYPE, at,
                    "`${" + reference.expression() + "}` is a secret and cannot be part of a longer string"));
            return "";
        }
        if (plain instanceof Map || plain instanceof List) {
            diagnostics.error(Code.ENV_FIELD_TYPE, at, "`${" + reference.expression() + "}` is a "
                    + ConfigTypes.nameOf(plain) + " and cannot be part of a string");
            return "";
        }
        return String.valueOf(plain);
    }

    private void reportCycle(int from, Frame closing) {
        List<Frame> cycle = new ArrayList<>(stack.subList(from, stack.size()));
        cycle.add(closing);
        String path = String.join(" -> ", cycle.stream().map(Frame::label).toList());
        Diagnostic diagnostic = Diagnostic.error(Code.ENV_REFERENCE_CYCLE, cycle.get(0).position,
                        "references form a cycle: " + path)
                .withHint("one of these values must be written out instead of referring to the next");
        for (int i = 1; i + 1 < cycle.size(); i++) {
            diagnostic = diagnostic.withRelated(cycle.get(i).position, "`" + cycle.get(i).label() + "` refers on here");
        }
        diagnostics.add(diagnostic);
    }

    /** Returns a found value as if written where it was referenced, so errors point at the use. */
    private static ConfigValue relocate(ConfigValue value, Position at) {
        return value instanceof ConfigScalar scalar ? new ConfigScalar(scalar.value(), at) : value;
    }

    private static List<String> leafPaths(ConfigTable table) {
        List<String> paths = new ArrayList<>();
        collect(table, "", paths);
        return paths;
    }

    private static void collect(ConfigTable table, String prefix, List<String> into) {
        table.entries().forEach((k, v) -> {
            into.add(join(prefix, k));
            if (v instanceof ConfigTable nested) {
                collect(nested, join(prefix, k), into);
            }
        });
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
