package dev.storyc.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TableName is a warehouse relation name as SQL writes it: {@code table}, {@code schema.table} or
 * {@code database.schema.table}. Unquoted parts fold to lower case, as PostgreSQL and Redshift fold
 * them; quoted parts keep their case.
 *
 * @param parts the folded parts, outermost first
 * @param text the name as written, for messages
 */
public record TableName(List<String> parts, String text) {
    public TableName {
        parts = List.copyOf(parts);
    }

    /**
     * Returns an unquoted identifier as PostgreSQL folds it: ASCII letters to lower case, and
     * nothing else (in a UTF-8 database {@code Ärzte} stays {@code Ärzte}), where Java's {@code
     * toLowerCase} would fold every letter and miss the table.
     */
    public static String folded(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /** Returns the table's own name, without schema or database. */
    public String table() {
        return parts.get(parts.size() - 1);
    }

    /** Returns the schema when the name has one. */
    public Optional<String> schema() {
        return parts.size() >= 2 ? Optional.of(parts.get(parts.size() - 2)) : Optional.empty();
    }

    /** Returns {@code schema.table}, or the table alone, folded: the key names are compared by. */
    public String key() {
        return schema().map(s -> s + "." + table()).orElse(table());
    }

    /**
     * Returns true when this name, as a reference, means the relation {@code created}. A side that
     * leaves out the schema leaves it to the search path, so only the table names are compared.
     */
    public boolean refersTo(TableName created) {
        if (!table().equals(created.table())) {
            return false;
        }
        return schema().isEmpty() || created.schema().isEmpty() || schema().equals(created.schema());
    }

    /**
     * Parses a {@code sql_table_name} with the environment's Looker constants filled in ({@code
     * @{schema}.orders}), as Looker reads it: most real projects name their tables so, and left
     * unparsed none of their tables or columns was checked. Empty when a constant is not the
     * environment's or the text is no table name.
     */
    static Optional<TableName> parse(String text, Map<String, String> constants) {
        return parse(dev.storyc.lookml.LookerConstants.fill(text, constants));
    }

    /**
     * Parses text that is exactly a relation name, such as a {@code sql_table_name} or an ETL
     * {@code target}. Returns empty for anything else (a subquery, a LookML {@code ${...}}
     * substitution or a constant), which the table check cannot judge.
     */
    public static Optional<TableName> parse(String text) {
        String trimmed = text.strip();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= trimmed.length()) {
                return Optional.empty();
            }
            char c = trimmed.charAt(i);
            if (c == '"') {
                StringBuilder part = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= trimmed.length()) {
                        return Optional.empty();
                    }
                    if (trimmed.charAt(j) == '"') {
                        if (j + 1 < trimmed.length() && trimmed.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(trimmed.charAt(j++));
                }
                parts.add(part.toString());
                i = j + 1;
            } else if (SqlScanner.isIdentifierStart(c)) {
                int j = i + 1;
                while (j < trimmed.length() && SqlScanner.isIdentifierPart(trimmed.charAt(j))) {
                    j++;
                }
                parts.add(folded(trimmed.substring(i, j)));
                i = j;
            } else {
                return Optional.empty();
            }
            if (i == trimmed.length()) {
                break;
            }
            if (trimmed.charAt(i) != '.' || parts.size() == 3) {
                return Optional.empty();
            }
            i++;
        }
        return Optional.of(new TableName(parts, trimmed));
    }

    @Override
    public String toString() {
        return text;
    }
}
