package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a production environment's identity in any other environment's configuration. The
 * identity of an environment is its connection, warehouse database, warehouse host and output
 * remote: a non-production environment whose value names one of production's (a database pasted
 * from production, a variable holding {@code analytics_prod.raw}) would read or write production.
 * The comparison is the one output isolation uses ({@link IsolationTokens}): whole tokens, ignoring
 * case.
 *
 * <p>Some sharing is real, such as acceptance databases on production's cluster. An environment
 * says so in {@value #SHARES}, a list of its own fields that may hold a production value. The
 * connection, the database and the output are never shareable: an environment that shares them
 * is production.
 */
final class ProductionIsolation {
    /** The field that lists an environment's fields that may hold production values. */
    static final String SHARES = "shares_with_production";

    /** The fields that make up an environment's identity, with their labels. */
    private static final Map<String, String> IDENTITY = Map.of(
            "connection", "connection",
            "warehouse.database", "warehouse database",
            "warehouse.host", "warehouse host",
            "output.remote", "output remote");
    private static final Set<String> NEVER_SHARED = Set.of("connection", "warehouse.database",
            "output.remote", "output.path", "output", "warehouse");

    private record ProductionValue(String value, String environment, String field) {}

    private ProductionIsolation() {}

    /** Reports each production value in another kind of environment, at its value there. */
    static void check(Map<String, ConfigTable> trees, Diagnostics diagnostics) {
        Map<String, List<ProductionValue>> byFirstToken = new HashMap<>();
        trees.forEach((name, tree) -> {
            if (!isProduction(tree)) {
                return;
            }
            IDENTITY.forEach((path, label) -> {
                Object plain = tree.at(path).map(ConfigValue::toPlain).orElse(null);
                String first = plain instanceof String text ? IsolationTokens.firstToken(text) : "";
                if (!first.isEmpty()) {
                    byFirstToken.computeIfAbsent(first, k -> new ArrayList<>())
                            .add(new ProductionValue((String) plain, name, label));
                }
            });
        });
        if (byFirstToken.isEmpty()) {
            return;
        }
        trees.forEach((name, tree) -> {
            if (isProduction(tree)) {
                return;
            }
            Set<String> shared = shares(tree, diagnostics);
            walk(tree, "", (path, scalar) -> {
                if (isShared(path, Set.of(SHARES)) || isShared(path, shared)) {
                    return;
                }
                String text = (String) scalar.value();
                for (String token : IsolationTokens.tokens(text)) {
                    for (ProductionValue value : byFirstToken.getOrDefault(token, List.of())) {
                        if (IsolationTokens.contains(text, value.value())) {
                            diagnostics.add(diagnostic(name, path, scalar, value));
                            return;
                        }
                    }
                }
            });
        });
    }

    private static Diagnostic diagnostic(String environment, String path, ConfigScalar scalar,
            ProductionValue value) {
        String hint = NEVER_SHARED.contains(path)
                ? "give `" + environment + "` a " + value.field() + " of its own; an environment"
                        + " that shares production's " + value.field() + " is production"
                : "give `" + environment + "` its own value, or, if sharing it is intended, say so:"
                        + " `" + SHARES + " = [\"" + path + "\"]`";
        return Diagnostic.error(Code.ENV_PRODUCTION_VALUE, scalar.position(),
                        "`" + path + "` of `" + environment + "` names `" + value.value()
                                + "`, the " + value.field() + " of production environment `"
                                + value.environment() + "`")
                .withHint(hint);
    }

    private static boolean isShared(String path, Set<String> shared) {
        for (String prefix : shared) {
            if (path.equals(prefix) || path.startsWith(prefix + ".")
                    || path.startsWith(prefix + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Returns the fields an environment declares shareable, reporting any that may not be. */
    private static Set<String> shares(ConfigTable tree, Diagnostics diagnostics) {
        Set<String> shared = new LinkedHashSet<>();
        if (!(tree.get(SHARES).orElse(null) instanceof ConfigList list)) {
            return shared;
        }
        for (ConfigValue item : list.items()) {
            if (!(item.toPlain() instanceof String path)) {
                continue;
            }
            if (NEVER_SHARED.contains(path)) {
                diagnostics.add(Diagnostic.error(Code.ENV_SHARE_REFUSED, item.position(),
                                "`" + path + "` cannot be shared with production")
                        .withHint("the connection, the warehouse database and the output are what"
                                + " make an environment itself; share fields such as"
                                + " `warehouse.host` instead"));
            } else if (tree.at(path).isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.ENV_SHARE_REFUSED, item.position(),
                                "`" + SHARES + "` names `" + path
                                        + "`, which this environment does not set")
                        .withHint(Spelling.didYouMean(path, tree.paths())
                                .orElse("name a field by its dotted path, such as `warehouse.host`")));
            } else {
                shared.add(path);
            }
        }
        return shared;
    }

    private static boolean isProduction(ConfigTable tree) {
        return tree.at("kind").map(ConfigValue::toPlain)
                .filter(kind -> EnvironmentKind.PRODUCTION.spelling().equals(kind)).isPresent();
    }

    private interface Leaf {
        void visit(String path, ConfigScalar scalar);
    }

    /** Visits every string value of a tree, iteratively: user input decides how deep it is. */
    private static void walk(ConfigValue root, String rootPath, Leaf leaf) {
        record Item(String path, ConfigValue value) {}
        List<Item> work = new ArrayList<>(List.of(new Item(rootPath, root)));
        while (!work.isEmpty()) {
            Item item = work.remove(work.size() - 1);
            if (item.value() instanceof ConfigTable table) {
                List<Item> children = new ArrayList<>();
                table.entries().forEach((k, v) -> children.add(
                        new Item(item.path().isEmpty() ? k : item.path() + "." + k, v)));
                for (int i = children.size() - 1; i >= 0; i--) {
                    work.add(children.get(i));
                }
            } else if (item.value() instanceof ConfigList list) {
                for (int i = list.items().size() - 1; i >= 0; i--) {
                    work.add(new Item(item.path() + "[" + i + "]", list.items().get(i)));
                }
            } else if (item.value() instanceof ConfigScalar scalar
                    && scalar.value() instanceof String) {
                leaf.visit(item.path(), scalar);
            }
        }
    }
}
