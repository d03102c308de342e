package dev.storyc.warehouse;

import dev.storyc.check.SqlLexer;
import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.TableName;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the tables an apply would drop with one story's stored revert and create again with
 * another story's deploy. That is what renaming a story folder does (docs/stories.md): to the
 * warehouse the old story leaves and a new one arrives, and every row of the table is lost. Outside
 * development the apply is refused (E0810) before anything runs; a team that means it backs the old
 * story out in one apply and adds the new one in the next.
 *
 * <p>Read from the scripts' text, statement by statement: a revert's {@code DROP TABLE} names and a
 * deploy's {@code CREATE TABLE} name. What a {@code DO} block or a function does is not seen.
 */
final class TablesRecreated {
    private TablesRecreated() {}

    /** A table a revert drops. */
    private record Drop(TableName table, Action.Revert revert) {}

    static List<Diagnostic> find(List<Action> actions) {
        Map<String, Drop> dropped = new LinkedHashMap<>();
        for (Action action : actions) {
            if (action instanceof Action.Revert revert) {
                for (TableName table : dropped(revert.deployed().revertScript())) {
                    dropped.putIfAbsent(table.table(), new Drop(table, revert));
                }
            }
        }
        List<Diagnostic> found = new ArrayList<>();
        for (Action action : actions) {
            if (!(action instanceof Action.Deploy deploy)) {
                continue;
            }
            for (CreatedTable created : CreatedTable.in(deploy.change().deploy())) {
                Drop drop = dropped.get(created.name().table());
                if (drop == null || drop.revert().deployed().id().story().equals(deploy.change().id().story())
                        || !created.name().refersTo(drop.table())) {
                    continue;
                }
                Action.Revert revert = drop.revert();
                found.add(Diagnostic.error(Code.TABLE_RECREATED, created.at(),
                                "this apply would drop table `" + created.name().key() + "` with the stored revert of `"
                                        + revert.deployed().id() + "`, whose story left the output, and create it again"
                                        + " here, in `" + deploy.change().id() + "`: every row of it would be lost")
                        .withHint("a renamed story folder does this: rename it back and change its title instead"
                                + " (docs/stories.md); to drop and re-create the table on purpose, back `"
                                + revert.deployed().id().story() + "` out in one apply and add `"
                                + deploy.change().id().story() + "` in the next"));
            }
        }
        return found;
    }

    /** Returns the tables the {@code DROP TABLE} statements of a script name. */
    static List<TableName> dropped(String text) {
        List<TableName> tables = new ArrayList<>();
        for (List<Token> statement : SqlLexer.statements(text)) {
            if (statement.size() < 3 || !statement.get(0).isWord("drop") || !statement.get(1).isWord("table")) {
                continue;
            }
            int i = 2;
            if (statement.size() > 4 && statement.get(2).isWord("if") && statement.get(3).isWord("exists")) {
                i = 4;
            }
            int start = i;
            for (; i <= statement.size(); i++) {
                boolean end = i == statement.size() || statement.get(i).isPunct(",") || statement.get(i).isPunct(";")
                        || statement.get(i).isWord("cascade") || statement.get(i).isWord("restrict");
                if (end) {
                    if (i > start) {
                        TableName.parse(text.substring(statement.get(start).offset(), statement.get(i - 1).end()))
                                .ifPresent(tables::add);
                    }
                    start = i + 1;
                    if (i < statement.size() && !statement.get(i).isPunct(",")) {
                        break;
                    }
                }
            }
        }
        return tables;
    }
}
