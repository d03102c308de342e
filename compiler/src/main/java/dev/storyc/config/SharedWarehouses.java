package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses two environments that keep their registry, or deploy their tables, in the same place.
 * Each environment's apply makes its database match its own output: it reverts every change its
 * output does not hold. Two environments on one registry would each revert the other's stories
 * on every apply, and two on one schema would drop each other's tables when a story is backed
 * out of one of them. The place is the server, database and schema, compared as written
 * (without resolving host names), with the documented defaults for an unset port and registry.
 */
final class SharedWarehouses {
    private static final long DEFAULT_PORT = 5439;
    private static final String DEFAULT_REGISTRY = "storyc";

    /** One environment's claim on a place: where it is written, to point at. */
    private record Claim(String environment, ConfigValue value) {}

    private SharedWarehouses() {}

    static void check(Map<String, ConfigTable> trees, Diagnostics diagnostics) {
        Map<String, Claim> registries = new LinkedHashMap<>();
        Map<String, Claim> schemas = new LinkedHashMap<>();
        trees.forEach((name, tree) -> {
            Optional<String> database = database(tree);
            if (database.isEmpty()) {
                return;
            }
            ConfigValue databaseValue = tree.at("warehouse.database").orElseThrow();
            text(tree, "warehouse.registry_schema").or(() -> Optional.of(DEFAULT_REGISTRY)).ifPresent(registry ->
                    claim(registries, database.get() + "#" + registry, new Claim(name,
                                    tree.at("warehouse.registry_schema").orElse(databaseValue)), diagnostics,
                            "keeps its registry in the same place as", "the registry `" + registry + "`",
                            "each apply would revert the other's stories",
                            "give each environment its own `warehouse.database`, or its own"
                                    + " `warehouse.registry_schema`"));
            text(tree, "warehouse.schema").ifPresent(schema ->
                    claim(schemas, database.get() + "#" + schema, new Claim(name,
                                    tree.at("warehouse.schema").orElseThrow()), diagnostics,
                            "deploys its tables into the same schema as", "the schema `" + schema + "`",
                            "backing a story out of one would drop tables the other still uses",
                            "give each environment its own `warehouse.database`, or its own"
                                    + " `warehouse.schema` and `warehouse.registry_schema`"));
        });
    }

    private static void claim(Map<String, Claim> claims, String place, Claim claim, Diagnostics diagnostics,
            String verb, String what, String consequence, String hint) {
        Claim first = claims.putIfAbsent(place, claim);
        if (first == null) {
            return;
        }
        diagnostics.add(Diagnostic.error(Code.ENV_WAREHOUSE_SHARED, claim.value().position(),
                        "`" + claim.environment() + "` " + verb + " `" + first.environment() + "`: "
                                + what + " of database " + place.substring(0, place.indexOf('#'))
                                + "; " + consequence)
                .withRelated(first.value().position(), "`" + first.environment() + "` claims it here")
                .withHint(hint));
    }

    /** Returns {@code host:port/database}, lower case, or empty for an environment without one. */
    private static Optional<String> database(ConfigTable tree) {
        Optional<String> host = text(tree, "warehouse.host");
        Optional<String> database = text(tree, "warehouse.database");
        if (host.isEmpty() || database.isEmpty()) {
            return Optional.empty();
        }
        long port = tree.at("warehouse.port").map(ConfigValue::toPlain)
                .filter(Long.class::isInstance).map(Long.class::cast).orElse(DEFAULT_PORT);
        return Optional.of((host.get() + ":" + port + "/" + database.get()).toLowerCase(Locale.ROOT));
    }

    private static Optional<String> text(ConfigTable tree, String path) {
        return tree.at(path).map(ConfigValue::toPlain).filter(String.class::isInstance).map(String.class::cast);
    }
}
