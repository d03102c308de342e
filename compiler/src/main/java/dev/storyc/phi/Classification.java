package dev.storyc.phi;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every protected column of the stories an environment compiles, by table and column. Table and
 * column names are compared as SQL compares unquoted names: without case. Tables are named
 * without their schema, because a story writes {@code <% env.warehouse.schema %>.patients} and
 * the schema differs per environment.
 */
public final class Classification {
    private static final Classification EMPTY = new Classification(List.of());

    private final Map<String, Map<String, ProtectedColumn>> byTable = new LinkedHashMap<>();
    private final List<ProtectedColumn> columns;
    /** The first protected column of each name, whatever its table; and every protected name. */
    private final Map<String, ProtectedColumn> byColumn = new LinkedHashMap<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();
    private final Words words;
    private final Map<String, Boolean> mentioned = new java.util.concurrent.ConcurrentHashMap<>();

    private Classification(List<ProtectedColumn> columns) {
        this.columns = columns.stream()
                .sorted(Comparator.comparing(ProtectedColumn::table)
                        .thenComparing(ProtectedColumn::column))
                .toList();
        for (ProtectedColumn column : this.columns) {
            byTable.computeIfAbsent(fold(column.table()), k -> new LinkedHashMap<>())
                    .put(fold(column.column()), column);
            byColumn.putIfAbsent(fold(column.column()), column);
            names.add(fold(column.column()));
            names.add(fold(column.table()));
        }
        words = new Words(names, List.of(), true);
    }

    /** Returns a classification of the given columns. */
    public static Classification of(Collection<ProtectedColumn> columns) {
        return columns.isEmpty() ? EMPTY : new Classification(List.copyOf(columns));
    }

    /** Returns the classification that protects nothing. */
    public static Classification empty() {
        return EMPTY;
    }

    /** Returns the class of a column, if it is protected; {@code table} may carry a schema. */
    public Optional<ProtectedColumn> classOf(String table, String column) {
        Map<String, ProtectedColumn> protectedColumns = byTable.get(ownName(table));
        return protectedColumns == null ? Optional.empty()
                : Optional.ofNullable(protectedColumns.get(fold(column)));
    }

    /** Returns the protected columns of a table, by folded column name; empty if it has none. */
    public Map<String, ProtectedColumn> columnsOf(String table) {
        return byTable.getOrDefault(ownName(table), Map.of());
    }

    /** Returns true when the table has a protected column; {@code table} may carry a schema. */
    public boolean protects(String table) {
        return byTable.containsKey(ownName(table));
    }

    /**
     * Returns a protected column of this name in any table, the first by table: what a bare or
     * unknown-qualified name may read.
     */
    public Optional<ProtectedColumn> anyNamed(String column) {
        return Optional.ofNullable(byColumn.get(fold(column)));
    }

    /**
     * Returns true when {@code text} holds, as a whole word, the name of a protected column or of
     * a table with one: a file without such a word cannot read one.
     */
    public boolean mentions(String text) {
        // Environments share a classification and mostly render a file to the same text, so a
        // text is scanned once per run.
        return mentioned.computeIfAbsent(text, words::foundIn);
    }

    /** Returns every protected column, sorted by table and column. */
    public List<ProtectedColumn> all() {
        return columns;
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    private static String ownName(String table) {
        String folded = fold(table.strip());
        int dot = folded.lastIndexOf('.');
        String own = dot < 0 ? folded : folded.substring(dot + 1);
        return own.replace("\"", "");
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
