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
    private final boolean[] nameLengths;

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
        nameLengths = new boolean[names.stream().mapToInt(String::length).max().orElse(0) + 1];
        names.forEach(name -> nameLengths[name.length()] = true);
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
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < length && isNamePart(text.charAt(i))) {
                    i++;
                }
                // Most words have no protected name's length; only those are folded and looked up.
                int size = i - start;
                if (size < nameLengths.length && nameLengths[size]
                        && names.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean isNamePart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                || c > 127 && Character.isLetterOrDigit(c);
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
