package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.workspace.ArtifactKind;

import java.util.List;
import java.util.Optional;

/**
 * Checks that revert.sql can back a story out: a script with nothing but comments and whitespace
 * is an error (E0630), since backing the story out would silently leave its tables behind; a
 * revert that drops none of the relations deploy.sql creates is a warning (E0631), because it
 * may undo the story some other way, but usually it undoes another story. A revert that drops a
 * table another story creates is an error (E0638): backing this story out would destroy that
 * story's table and its data, while the registry still lists it deployed. So is one that drops
 * with {@code CASCADE} (E0643), which destroys other stories' objects without naming them.
 */
final class RevertScripts {
    private RevertScripts() {}

    /**
     * What a revert script does, as far as this check asks: whether it has a statement at all, and
     * the relations it drops. It is all a compile keeps of the script's tokens.
     */
    record Drops(boolean empty, List<TableName> dropped, int cascade) {
        Drops {
            dropped = List.copyOf(dropped);
        }

        /** @return what the script drops; {@code cascade} is the offset of its first DROP's CASCADE, or -1 */
        static Drops of(String sql) {
            List<List<Token>> statements = SqlLexer.statements(sql);
            int cascade = -1;
            for (List<Token> statement : statements) {
                if (cascade < 0 && !statement.isEmpty() && statement.get(0).isWord("drop")) {
                    cascade = statement.stream().filter(token -> token.isWord("cascade"))
                            .mapToInt(Token::offset).findFirst().orElse(-1);
                }
            }
            return new Drops(statements.isEmpty(), DropStatements.dropped(statements), cascade);
        }
    }

    static void check(Scope scope) {
        for (CheckedFile revert : scope.files(ArtifactKind.SCHEMA_REVERT)) {
            Drops drops = scope.cache.revert(revert.path(), revert.text());
            if (drops.empty()) {
                scope.report(
                        Diagnostic.error(
                                        Code.REVERT_EMPTY,
                                        Position.of(revert.path(), 1, 1),
                                        "revert.sql of story `"
                                                + revert.story().id()
                                                + "` has no statement, so backing the"
                                                + " story out would leave what deploy.sql made")
                                .withHint(
                                        "write the statements that undo deploy.sql, such as DROP"
                                            + " TABLE IF EXISTS for each table it creates"));
                continue;
            }
            othersDropped(scope, revert, drops);
            if (drops.cascade() >= 0) {
                cascades(scope, revert, drops.cascade());
            }
            // Each change's revert undoes its own deploy, the one beside it, not the story's first.
            String deployPath = revert.path().substring(0, revert.path().length() - "revert.sql".length())
                    + "deploy.sql";
            Optional<CheckedFile> deploy =
                    scope.files(ArtifactKind.SCHEMA_DEPLOY, revert.story().id()).stream()
                            .filter(file -> file.path().equals(deployPath))
                            .findFirst();
            if (deploy.isEmpty()) {
                continue;
            }
            List<SqlScanner.Created> created =
                    scope.cache.createdRelations(deploy.get().path(), deploy.get().text());
            if (created.isEmpty()) {
                continue;
            }
            boolean dropsOne =
                    created.stream()
                            .anyMatch(c -> drops.dropped().stream().anyMatch(d -> d.refersTo(c.name())));
            if (!dropsOne) {
                scope.report(
                        Diagnostic.warning(
                                        Code.REVERT_DROPS_NOTHING_CREATED,
                                        Position.of(revert.path(), 1, 1),
                                        "revert.sql of story `"
                                                + revert.story().id()
                                                + "` drops none of what its deploy.sql"
                                                + " creates ("
                                                + created.stream()
                                                        .map(c -> "`" + c.name() + "`")
                                                        .reduce((a, b) -> a + ", " + b)
                                                        .orElse("")
                                                + ")")
                                .withHint(
                                        "drop what deploy.sql creates, such as DROP TABLE IF EXISTS"
                                            + " "
                                                + created.get(0).name()
                                                + ";")
                                .withRelated(
                                        Definitions.tablePosition(
                                                new Definitions.Def<>(
                                                        created.get(0).name().text(),
                                                        created.get(0),
                                                        deploy.get(),
                                                        Position.ofFile(deploy.get().path()))),
                                        "`" + created.get(0).name() + "` is created here"));
            }
        }
    }

    /**
     * A {@code DROP ... CASCADE} in a revert drops, without a word, whatever other stories built
     * on the relation (a view, a foreign key): backing this story out would break a story that
     * stays released, while the registry still lists it deployed (round 22). The server's own
     * hint, when a plain DROP fails on a dependent object, is to add CASCADE, so it must be
     * refused here, before anyone follows it.
     */
    private static void cascades(Scope scope, CheckedFile revert, int offset) {
        scope.report(
                Diagnostic.error(
                                Code.REVERT_CASCADES,
                                revert.at(revert.renderedPosition(offset), "CASCADE"),
                                "revert.sql of story `" + revert.story().id() + "` drops with CASCADE,"
                                        + " which also drops whatever other stories built on what it drops,"
                                        + " while they stay released and deployed")
                        .withHint("drop without CASCADE, this story's own dependent objects first; a story"
                                + " that builds on this one's tables must list it in requires, so that it"
                                + " leaves first"));
    }

    private static void othersDropped(Scope scope, CheckedFile revert, Drops drops) {
        for (TableName dropped : drops.dropped()) {
            Optional<Definitions.Def<SqlScanner.Created>> owner = scope.defined().table(dropped);
            if (owner.isEmpty() || owner.get().story().equals(revert.story().id())) {
                continue;
            }
            // At the DROP's name when the table scanner saw it (DROP TABLE); else the file's start.
            Position at = scope.cache.sqlTables(revert.path(), revert.text()).stream()
                    .filter(use -> use.name().key().equals(dropped.key()))
                    .findFirst()
                    .map(use -> revert.at(revert.renderedPosition(use.offset()), use.name().text()))
                    .orElse(Position.of(revert.path(), 1, 1));
            scope.report(
                    Diagnostic.error(
                                    Code.REVERT_DROPS_OTHER_STORY,
                                    at,
                                    "revert.sql of story `" + revert.story().id() + "` drops `" + dropped
                                            + "`, which story `" + owner.get().story() + "` creates;"
                                            + " backing `" + revert.story().id() + "` out would destroy it")
                            .withHint("drop only what this story's deploy.sql creates")
                            .withRelated(Definitions.tablePosition(owner.get()),
                                    "`" + dropped + "` is created here, in story `" + owner.get().story() + "`"));
        }
    }
}
