package dev.storyc.warehouse;

import dev.storyc.check.SqlLexer;
import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.TableName;
import dev.storyc.diag.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table a deploy script creates with {@code CREATE TABLE}, and where: what an apply with {@code
 * --log-only} asks the database for before it records the change as deployed without running it.
 * Temporary tables are left out; they never outlive the deploy.
 *
 * <p>Read from the script's text, statement by statement, as {@link TablesRecreated} reads it: a
 * table a {@code DO} block or a function creates is not seen, which the change's verify script
 * covers.
 */
public record CreatedTable(TableName name, Position at) {
    /** Returns the persistent tables the script creates, in the order it creates them. */
    public static List<CreatedTable> in(Script script) {
        List<CreatedTable> tables = new ArrayList<>();
        String text = script.text();
        for (List<Token> statement : SqlLexer.statements(text)) {
            if (temporary(statement)) {
                continue;
            }
            Optional<TableName> created = TablesRecreated.created(text, statement);
            created.ifPresent(name -> tables.add(
                    new CreatedTable(name, script.positionOf(statement.get(0).offset() + 1))));
        }
        return List.copyOf(tables);
    }

    private static boolean temporary(List<Token> statement) {
        return statement.size() > 1
                && (statement.get(1).isWord("temp") || statement.get(1).isWord("temporary")
                        || statement.size() > 2 && (statement.get(1).isWord("global")
                                || statement.get(1).isWord("local"))
                                && (statement.get(2).isWord("temp") || statement.get(2).isWord("temporary")));
    }
}
