package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code DROP TABLE | VIEW | MATERIALIZED VIEW [IF EXISTS] a, b}: the relations that the
 * column catalog forgets, and the ones a revert script undoes. One grammar, so that the two never
 * disagree about what a statement drops.
 */
final class DropStatements {
    private DropStatements() {}

    /**
     * Returns the relations a statement drops, reading from {@code c}; none when it is no such
     * statement.
     */
    static List<TableName> dropped(SqlCursor c) {
        List<TableName> dropped = new ArrayList<>();
        if (c.word("drop") && (c.word("table") || c.word("view") || c.words("materialized", "view"))) {
            c.words("if", "exists");
            do {
                c.name().ifPresent(dropped::add);
            } while (c.punct(","));
        }
        return dropped;
    }

    /** Returns the relations that {@code statements} drop, in order. */
    static List<TableName> dropped(List<List<Token>> statements) {
        List<TableName> dropped = new ArrayList<>();
        for (List<Token> statement : statements) {
            dropped.addAll(dropped(new SqlCursor(statement)));
        }
        return dropped;
    }
}
