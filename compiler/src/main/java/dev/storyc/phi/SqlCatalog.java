package dev.storyc.phi;

import dev.storyc.check.SchemaTables;
import dev.storyc.check.TableName;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The column lists of the tables an environment's schema changes create, as the column-flow
 * analysis asks for them. Tables are matched by their own name, as {@link Classification} matches
 * them, because the schema a story writes differs per environment.
 */
final class SqlCatalog implements SqlColumns {
    private final Map<String, List<String>> tables = new HashMap<>();
    private final Function<String, Optional<LookmlView>> views;

    SqlCatalog(List<SchemaTables.Table> schema, Function<String, Optional<LookmlView>> views) {
        this.views = views;
        for (SchemaTables.Table table : schema) {
            if (table.unknownBecause().isEmpty()) {
                tables.put(table.name(), List.copyOf(new LinkedHashSet<>(table.columns())));
            }
        }
    }

    @Override
    public Optional<List<String>> of(TableName table) {
        return Optional.ofNullable(tables.get(table.table()));
    }

    @Override
    public Optional<LookmlView> view(String name) {
        return views.apply(name);
    }

    /** Returns the table's columns in order, when its deploy script lists them. */
    static Optional<List<String>> ordered(List<SchemaTables.Table> schema, TableName table) {
        return schema.stream().filter(t -> t.name().equals(table.table())
                        && t.unknownBecause().isEmpty())
                .findFirst().map(SchemaTables.Table::columns);
    }
}
