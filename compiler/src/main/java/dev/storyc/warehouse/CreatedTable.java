package dev.storyc.warehouse;

import dev.storyc.check.SqlLexer;
import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.SqlTables;
import dev.storyc.check.TableName;
import dev.storyc.diag.Position;

import java.util.ArrayList;
import java.util.List;

/**
 * A table a deploy script creates with {@code CREATE TABLE}, and where: what an apply with {@code
 * --log-only} asks the database for before it records the change as deployed without running it,
 * and what {@link TablesRecreated} compares with the tables a revert drops. Temporary tables are
 * left out; they never outlive the deploy.
 *
 * <p>Read from the script's text, statement by statement, with the checks' own reading of a
 * {@code CREATE TABLE} ({@link SqlTables#created}): a table a {@code DO} block or a function creates
 * is not seen, which the change's verify script covers.
 */
public record CreatedTable(TableName name, Position at) {
    /** Returns the persistent tables the script creates, in the order it creates them. */
    public static List<CreatedTable> in(Script script) {
        List<CreatedTable> tables = new ArrayList<>();
        for (List<Token> statement : SqlLexer.statements(script.text())) {
            SqlTables.created(statement).ifPresent(name -> tables.add(
                    new CreatedTable(name, script.positionOf(statement.get(0).offset() + 1))));
        }
        return List.copyOf(tables);
    }
}
