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
import java.util.Set;

/**
 * Resolves {@code ${path}} and {@code ${environments.E.path}} references after extends. A reference
 * that is a whole value keeps the referenced value's type; one inside a string is interpolated. A
 * whole-value {@code ${env:VAR}} becomes a {@link SecretReference}, decided later by the field's type.
 *
 * <p>Resolution is memoised per (environment, path) and guarded by a stack, so every chain of
 * references ends: in a value, or in a cycle error that shows the whole path. Two budgets keep it
 * cheap whatever the file says: a chain of references is at most {@value #MAX_DEPTH} deep, and an
 * interpolated string at most {@value #MAX_LENGTH} characters long (24 lines that each double the
 * previous one would otherwise build a 16-million-character string, in every environment).
 */
final class ReferenceResolver {
    static final int MAX_DEPTH = 64;
    static final int MAX_LENGTH = 64 * 1024;

    private final Map<String, ConfigTable> environments;
    private final Set<String> environmentNames;
    private final VariableLookups lookups;
    private final Diagnostics diagnostics;
    private final Map<String, ConfigValue> done = new HashMap<>();
    private final List<Frame> stack = new ArrayList<>();
    private final java.util.function.Predicate<String> typedPlain;
    /**
     * References to a value an environment does not set, gathered across environments: a template
     * or a base shares its text among many, and one typo was reported once per environment, seven
     * times in the example workspace (round 18). {@link #reportUnset} says it once, naming them.
     */
    private final Map<UnsetUse, List<Unset>> unset = new LinkedHashMap<>();

    /** A reference to a value, where it is written. */
    private record UnsetUse(Position at, String spelling, String path) {}

    /** One environment that does not set it, and the hint its own values suggest. */
    private record Unset(String environment, String hint) {}

    private record Frame(String environment, String path, Position position) {
        String label() {
            return environment + "." + path;
        }
    }

    /**
     * @param environments every base and environment after extends, by name
     * @param environmentNames the names that {@code ${environments.E...}} may use
     */
    /**
     * @param typedPlain whether a field is typed, and neither {@code secret} nor {@code any}: a whole
     *     {@code ${env:VAR}} there is a value read from the process (tainted), not a secret, so a
     *     longer string may include it; it was refused as a secret (E0218) although the type
     *     checker reads it as a value, and the docs' E0232 example could not be reached
     */
    ReferenceResolver(Map<String, ConfigTable> environments, Set<String> environmentNames, VariableLookups lookups,
            Diagnostics diagnostics, java.util.function.Predicate<String> typedPlain) {
        this.environments = environments;
        this.environmentNames = environmentNames;
        this.lookups = lookups;
        this.diagnostics = diagnostics;
        this.typedPlain = typedPlain;
    }

    /** Returns the environment's table with every reference replaced by its value. */
    ConfigTable resolve(String environment) {
        return (ConfigTable) resolveValue(environment, "", environments.get(environment));
    }

    private ConfigValue resolveValue(String environment, String path, ConfigValue value) {
        if (value instanceof ConfigTable table) {
            Map<String, ConfigValue> entries = new LinkedHashMap<>();
            table.entries().forEach((k, v) -> entries.put(k, resolvePath(environment, join(path, k), v)));
            return table.withEntries(entries);
        }
        if (value instanceof ConfigList list) {
            List<ConfigValue> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                items.add(resolveValue(environment, path + "[" + i + "]", list.items().get(i)));
            }
            return new ConfigList(items, list.position(), list.origin());
        }
        ConfigScalar scalar = (ConfigScalar) value;
        if (!(scalar.value() instanceof String text)) {
            return scalar;
        }
        Interpolation interpolation = Interpolation.parse(text);
        if (interpolation.unclosedAt().isPresent()) {
            diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, scalar.position(),
                            "`" + path + "` has a `${` that is never closed")
                    .withHint("close it with `}`, or write `$${` for a literal `${`"));
            return scalar;
        }
        if (!interpolation.hasReferences()) {
            return scalar.withValue(interpolation.literalText());
        }
        Optional<Interpolation.Reference> whole = interpolation.wholeReference();
        if (whole.isPresent()) {
            return wholeValue(environment, whole.get(), scalar).orElse(scalar);
        }
        StringBuilder out = new StringBuilder();
        boolean tainted = false;
        for (Interpolation.Part part : interpolation.parts()) {
            if (part instanceof Interpolation.Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Interpolation.Reference reference) {
                out.append(interpolate(environment, reference, scalar));
                tainted |= isSecretSource(environment, reference);
            }
            if (out.length() > MAX_LENGTH) {
                diagnostics.add(Diagnostic.error(Code.ENV_REFERENCE_TOO_LARGE, scalar.position(),
                                "`" + path + "` expands to more than " + MAX_LENGTH + " characters")
                        .withHint("references that repeat other references multiply; write the value out"));
                return scalar;
            }
        }
        Object interpolated = tainted ? new Tainted(out.toString(), text) : out.toString();
        return new ConfigScalar(interpolated, scalar.position(), scalar.origin().withWrittenSpelling(text));
    }

    /**
     * Returns true when a reference inside a longer string reads a secret source: the process
     * environment, or a value that was itself read from it.
     */
    private boolean isSecretSource(String environment, Interpolation.Reference reference) {
        if (reference.target() instanceof Interpolation.Variable variable) {
            return variable.prefix().equals("env");
        }
        if (reference.target() instanceof Interpolation.Path path) {
            String target = path.environment().orElse(environment);
            ConfigValue cached = done.get(target + "\u0000" + path.path());
            return cached != null && (cached.toPlain() instanceof Tainted || cached.toPlain() instanceof SecretReference);
        }
        return false;
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
        if (stack.size() >= MAX_DEPTH) {
            diagnostics.add(Diagnostic.error(Code.ENV_REFERENCE_TOO_LARGE, stack.get(0).position,
                            "references chain more than " + MAX_DEPTH + " deep, from `" + stack.get(0).label()
                                    + "` to `" + environment + "." + path + "`")
                    .withHint("refer to the value at the end of the chain directly"));
            return raw;
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

    /** Returns the value of a string that is exactly one reference, with the referenced value's type. */
    private Optional<ConfigValue> wholeValue(String environment, Interpolation.Reference reference, ConfigScalar at) {
        Interpolation.Target target = reference.target();
        if (target instanceof Interpolation.Variable variable && variable.prefix().equals("env")) {
            return Optional.of(new ConfigScalar(new SecretReference(variable.name(), variable.fallback()),
                    at.position(), at.origin().withWrittenSpelling(reference.spelling())));
        }
        if (target instanceof Interpolation.Path path) {
            String targetEnvironment = path.environment().orElse(environment);
            return find(environment, reference, path, at)
                    .map(found -> relocate(found.mapOrigins(o -> new Origin.Referenced(reference.expression(),
                            targetEnvironment, path.path(), at.position(), o)), at.position()));
        }
        int before = diagnostics.size();
        String text = interpolate(environment, reference, at);
        return diagnostics.size() > before ? Optional.empty() : Optional.of(new ConfigScalar(text, at.position(),
                at.origin().withWrittenSpelling(reference.spelling())));
    }

    /** Returns the text a reference inside a longer string stands for; reports and returns "" on failure. */
    private String interpolate(String environment, Interpolation.Reference reference, ConfigScalar at) {
        Interpolation.Target target = reference.target();
        if (target instanceof Interpolation.Variable variable) {
            Optional<String> value = lookups.read(variable);
            if (value.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.ENV_VARIABLE_UNSET, at.position(),
                                (variable.prefix().equals("env") ? "environment variable `" : "system property `")
                                        + variable.name() + "` is not set")
                        .withHint("set it, or give a default: `${" + variable.prefix() + ":" + variable.name()
                                + ":-value}`"));
                return "";
            }
            return value.get();
        }
        if (target instanceof Interpolation.Refused refused) {
            diagnostics.add(Diagnostic.error(Code.ENV_REFUSED_LOOKUP, at.position(),
                            "`" + reference.spelling() + "` uses the `" + refused.prefix()
                                    + ":` lookup, which environments.toml does not allow")
                    .withHint("only `${env:VAR}` and `${sys:NAME}` read outside the file; anything else would make"
                            + " an environment depend on files, the network or code"));
            return "";
        }
        if (target instanceof Interpolation.Invalid invalid) {
            diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, at.position(),
                            "`" + reference.spelling() + "` is not a valid reference: " + invalid.reason())
                    .withHint("references look like `${warehouse.database}`, `${environments.production.connection}`"
                            + " or `${env:VAR}`; write `$${` for a literal `${`"));
            return "";
        }
        if (target instanceof Interpolation.Param) {
            diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, at.position(),
                            "`" + reference.spelling() + "` is a template parameter outside a template")
                    .withHint("`${params.NAME}` is only defined inside [templates.developer]"));
            return "";
        }
        Interpolation.Path path = (Interpolation.Path) target;
        Optional<ConfigValue> found = find(environment, reference, path, at);
        if (found.isEmpty()) {
            return "";
        }
        Object plain = found.get().toPlain();
        if (plain instanceof SecretReference secret && typedPlain.test(path.path())) {
            Optional<String> value = lookups.read(secret);
            if (value.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.ENV_VARIABLE_UNSET, at.position(),
                                "environment variable `" + secret.variable() + "` is not set")
                        .withHint("set it, or give a default: `${env:" + secret.variable() + ":-value}`"));
                return "";
            }
            return value.get();
        }
        if (plain instanceof SecretReference) {
            diagnostics.add(Diagnostic.error(Code.ENV_SECRET_EXPOSED, at.position(),
                            "`" + reference.spelling() + "` is a secret and cannot be part of a longer string")
                    .withHint("a secret is only ever passed whole, as the value of a field typed `secret`"));
            return "";
        }
        if (plain instanceof Tainted tainted) {
            return String.valueOf(tainted.value());
        }
        if (plain instanceof Map || plain instanceof List) {
            diagnostics.error(Code.ENV_FIELD_TYPE, at.position(), "`" + reference.spelling() + "` is a "
                    + ConfigTypes.nameOf(plain) + " and cannot be part of a string");
            return "";
        }
        return String.valueOf(plain);
    }

    private Optional<ConfigValue> find(String environment, Interpolation.Reference reference, Interpolation.Path path,
            ConfigScalar at) {
        String target = path.environment().orElse(environment);
        if (path.environment().isPresent() && !environmentNames.contains(target)) {
            diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, at.position(),
                            "`" + reference.spelling() + "` names environment `" + target + "`, which is not defined")
                    .withHint(Spelling.didYouMean(target, environmentNames)
                            .orElse("the environments are " + String.join(", ", environmentNames.stream().sorted().toList()))));
            return Optional.empty();
        }
        Optional<ConfigValue> raw = path.path().isEmpty() ? Optional.empty() : environments.get(target).at(path.path());
        if (raw.isEmpty()) {
            List<Unset> targets = unset.computeIfAbsent(new UnsetUse(at.position(), reference.spelling(), path.path()),
                    key -> new ArrayList<>());
            if (targets.stream().noneMatch(u -> u.environment().equals(target))) {
                targets.add(new Unset(target, Spelling.didYouMean(path.path(), environments.get(target).paths())
                        .orElse("references name a value written in environments.toml, such as"
                                + " `${warehouse.database}`; defaults are not visible to references")));
            }
            return Optional.empty();
        }
        return Optional.of(resolvePath(target, path.path(), raw.get()));
    }

    /** Reports each reference to an unset value once, with the environments that do not set it. */
    void reportUnset() {
        unset.forEach((use, targets) -> {
            List<String> names = targets.stream().map(u -> "`" + u.environment() + "`").toList();
            String which = names.size() == 1 ? names.get(0) + " does not set"
                    : names.size() <= 3 ? String.join(", ", names.subList(0, names.size() - 1)) + " and "
                            + names.get(names.size() - 1) + " do not set"
                    : names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " other environments do not set";
            diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, use.at(),
                            "`" + use.spelling() + "` refers to `" + use.path() + "`, which " + which)
                    .withHint(targets.get(0).hint()));
        });
        unset.clear();
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

    /**
     * Returns a found value as if written where it was referenced, so errors point at the use,
     * while its origin keeps where it was really set.
     */
    private static ConfigValue relocate(ConfigValue value, Position at) {
        if (value instanceof ConfigScalar scalar) {
            return new ConfigScalar(scalar.value(), at, scalar.origin());
        }
        if (value instanceof ConfigTable table) {
            return new ConfigTable(table.entries(), at, table.origin());
        }
        ConfigList list = (ConfigList) value;
        return new ConfigList(list.items(), at, list.origin());
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
