package dev.storyc.warehouse;

import dev.storyc.check.TableName;
import dev.storyc.check.TableStatement;
import dev.storyc.diag.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table a deploy script leaves behind, and the {@code CREATE TABLE} that made it: what an apply
 * with {@code --log-only} asks the database for before it records the change as deployed without
 * running it, and what {@link TablesRecreated} compares with the tables a revert drops. Temporary
 * tables are left out, and so are tables the script drops again (a scratch table); a table it
 * renames or moves is looked for under its last name.
 *
 * <p>Read from the script's text, statement by statement ({@link TableStatement}): a table a {@code
 * DO} block or a function creates is not seen, which the change's verify script covers.
 *
 * @param searchPath the script's last {@code SET search_path} before the table was created, as
 *     written: an unqualified name is created in the first schema of that path, not of the
 *     session's
 */
public record CreatedTable(TableName name, Position at, Optional<String> searchPath) {
    /**
     * What an adoption asks of one deploy script, read in one pass: the tables it leaves behind,
     * and its last search-path statement, in force when the change's verify script runs after it.
     */
    public record Footprint(List<CreatedTable> tables, Optional<String> searchPathAtEnd) {
        public Footprint {
            tables = List.copyOf(tables);
        }
    }

    /** Returns the persistent tables the script leaves behind, in the order it creates them. */
    public static List<CreatedTable> in(Script script) {
        return footprint(script).tables();
    }

    /** Returns the script's tables and its last search path, from one reading of its statements. */
    public static Footprint footprint(Script script) {
        List<CreatedTable> tables = new ArrayList<>();
        Optional<String> searchPath = Optional.empty();
        for (TableStatement.Located located : TableStatement.in(script.text())) {
            TableStatement statement = located.statement();
            if (statement instanceof TableStatement.Created created) {
                tables.add(new CreatedTable(created.name(), script.positionOf(located.offset() + 1), searchPath));
            } else if (statement instanceof TableStatement.Dropped dropped) {
                tables.removeIf(table -> dropped.names().stream().anyMatch(name -> name.refersTo(table.name())));
            } else if (statement instanceof TableStatement.Moved moved) {
                tables.replaceAll(table -> moved.from().refersTo(table.name())
                        ? new CreatedTable(moved.to(), table.at(), table.searchPath()) : table);
            } else if (statement instanceof TableStatement.SearchPath path) {
                searchPath = Optional.of(path.statement());
            }
        }
        return new Footprint(tables, searchPath);
    }
}
