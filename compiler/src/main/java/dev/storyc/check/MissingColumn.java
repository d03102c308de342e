package dev.storyc.check;

/**
 * A column a schema script drops or renames that its table does not have at that point of the
 * plan. PostgreSQL and Redshift refuse such a statement, so apply would fail on a new database
 * (or, where the stories were deployed in another order, drop what a later story added).
 *
 * @param script the script that names the column
 * @param offset where the column's name starts in the script's rendered text
 * @param table the table as the statement names it
 * @param column the column as the statement writes it
 * @param verb {@code drops} or {@code renames}
 * @param columns the columns the table has at that point, for a spelling hint
 */
record MissingColumn(
        ColumnCatalog.Script script, int offset, String table, String column, String verb,
        java.util.List<String> columns) {}
