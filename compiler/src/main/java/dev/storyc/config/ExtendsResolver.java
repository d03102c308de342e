package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code extends}: each parent, in order, is merged under the child. Tables merge key by
 * key, recursively; scalars and lists are replaced whole, because merging lists element-wise is the
 * kind of surprise a configuration language should not have.
 *
 * <p>A chain of parents is at most {@value #MAX_DEPTH} long: the resolution recurses along it, and
 * every level wraps each inherited value's origin once more, so a chain of thousands would cost
 * quadratic time and then the stack.
 */
final class ExtendsResolver {
    static final int MAX_DEPTH = 32;

    private final Map<String, ConfigTable> declared;
    private final Diagnostics diagnostics;
    private final Map<String, ConfigTable> merged = new HashMap<>();
    private final List<String> inProgress = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();
    /** Names whose `extends` has an error it could skip, or whose ancestors do: inheritance is partial. */
    private final Set<String> partial = new HashSet<>();
    private final Map<String, Position> extendsPositions = new HashMap<>();
    /** How many levels each resolved table stands on, itself included. */
    private final Map<String, Integer> depths = new HashMap<>();
    /** One report is enough: every environment down a too-long chain would repeat it. */
    private boolean reportedTooDeep;

    /** @param declared bases and environments by name, as written */
    ExtendsResolver(Map<String, ConfigTable> declared, Diagnostics diagnostics) {
        this.declared = declared;
        this.diagnostics = diagnostics;
    }

    /** Returns the table of {@code name} with every ancestor merged in, without the extends key. */
    Optional<ConfigTable> resolve(String name) {
        if (merged.containsKey(name)) {
            return Optional.of(merged.get(name));
        }
        ConfigTable own = declared.get(name);
        if (failed.contains(name)) {
            return Optional.empty();
        }
        if (inProgress.contains(name)) {
            reportCycle(name);
            failed.addAll(inProgress);
            return Optional.empty();
        }
        if (inProgress.size() >= MAX_DEPTH) {
            String child = inProgress.get(inProgress.size() - 1);
            failed.addAll(inProgress);
            reportTooDeep(child, name, extendsPositions.getOrDefault(child + "->" + name, own.position()));
            return Optional.empty();
        }
        inProgress.add(name);
        try {
            ConfigTable result = new ConfigTable(Map.of(), own.position(), own.origin());
            int depth = 1;
            for (ParentRef parent : parents(name, own)) {
                Optional<ConfigTable> resolved = resolve(parent.name);
                if (resolved.isEmpty()) {
                    failed.add(name);
                    return Optional.empty();
                }
                depth = Math.max(depth, depths.get(parent.name) + 1);
                if (depth > MAX_DEPTH) {
                    // Parents resolved earlier are memoised, so the recursion above stays shallow
                    // even when the chain is long; the chain's length is checked here.
                    failed.add(name);
                    reportTooDeep(name, parent.name, parent.position);
                    return Optional.empty();
                }
                result = merge(result, (ConfigTable) resolved.get()
                        .mapOrigins(o -> new Origin.Inherited(name, parent.name, parent.position, o)));
                if (partial.contains(parent.name)) {
                    partial.add(name);
                }
            }
            result = merge(result, own.without("extends"));
            merged.put(name, result);
            depths.put(name, depth);
            return Optional.of(result);
        } finally {
            inProgress.remove(name);
        }
    }

    /**
     * Returns true when {@code name} resolved without all it should inherit (an `extends` of the
     * wrong type, a parent that is not defined): its own fields are still worth checking, but a
     * field or reference it lacks may be one its parents would have given it.
     */
    boolean partial(String name) {
        return partial.contains(name);
    }

    private record ParentRef(String name, Position position) {}

    private void reportTooDeep(String child, String parent, Position at) {
        if (reportedTooDeep) {
            return;
        }
        reportedTooDeep = true;
        diagnostics.add(Diagnostic.error(Code.ENV_EXTENDS_TOO_DEEP, at,
                        "`extends` chains more than " + MAX_DEPTH + " deep, where `" + child + "` extends `"
                                + parent + "`")
                .withHint("extend the bases you need directly; a few levels (base, cluster, environment)"
                        + " are all a workspace needs"));
    }

    private List<ParentRef> parents(String name, ConfigTable own) {
        List<ParentRef> parents = new ArrayList<>();
        Optional<ConfigValue> value = own.get("extends");
        if (value.isEmpty()) {
            return parents;
        }
        if (!(value.get() instanceof ConfigList list)) {
            diagnostics.error(Code.ENV_FIELD_TYPE, value.get().position(),
                    "`extends` must be a list of names, such as `extends = [\"base\"]`");
            partial.add(name);
            return parents;
        }
        for (ConfigValue item : list.items()) {
            if (!(item.toPlain() instanceof String parent)) {
                diagnostics.error(Code.ENV_FIELD_TYPE, item.position(), "`extends` entries must be names");
                partial.add(name);
                continue;
            }
            if (!declared.containsKey(parent)) {
                partial.add(name);
                diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_PARENT, item.position(),
                                "`" + name + "` extends `" + parent + "`, which is not defined")
                        .withHint(Spelling.didYouMean(parent, declared.keySet())
                                .orElse("define it under [bases." + parent + "] or [environments." + parent + "]")));
                continue;
            }
            extendsPositions.put(name + "->" + parent, item.position());
            parents.add(new ParentRef(parent, item.position()));
        }
        return parents;
    }

    private void reportCycle(String name) {
        List<String> cycle = new ArrayList<>(inProgress.subList(inProgress.indexOf(name), inProgress.size()));
        cycle.add(name);
        String path = String.join(" -> ", cycle);
        Diagnostic diagnostic = Diagnostic.error(Code.ENV_EXTENDS_CYCLE,
                        extendsPositions.getOrDefault(cycle.get(0) + "->" + cycle.get(1), declared.get(name).position()),
                        "`extends` forms a cycle: " + path)
                .withHint("remove one of the links so that every chain of parents ends");
        for (int i = 1; i + 1 < cycle.size(); i++) {
            Position link = extendsPositions.get(cycle.get(i) + "->" + cycle.get(i + 1));
            if (link != null) {
                diagnostic = diagnostic.withRelated(link, "`" + cycle.get(i) + "` extends `" + cycle.get(i + 1) + "` here");
            }
        }
        diagnostics.add(diagnostic);
    }

    /** Returns {@code over} merged onto {@code under}: tables recursively, everything else replaced. */
    static ConfigTable merge(ConfigTable under, ConfigTable over) {
        Map<String, ConfigValue> entries = new LinkedHashMap<>(under.entries());
        for (Map.Entry<String, ConfigValue> entry : over.entries().entrySet()) {
            ConfigValue previous = entries.get(entry.getKey());
            if (previous instanceof ConfigTable a && entry.getValue() instanceof ConfigTable b) {
                entries.put(entry.getKey(), merge(a, b));
            } else {
                entries.put(entry.getKey(), entry.getValue());
            }
        }
        return new ConfigTable(entries, over.position(), over.origin());
    }
}
