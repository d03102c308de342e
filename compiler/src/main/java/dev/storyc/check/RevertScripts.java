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
 * story's table and its data, while the registry still lists it deployed.
 */
final class RevertScripts {
    private RevertScripts() {}

    /**
     * What a revert script does, as far as this check asks: whether it has a statement at all, and
     * the relations it drops. It is all a compile keeps of the script's tokens.
     */
    record Drops(boolean empty, List<TableName> dropped) {
        Drops {
            dropped = List.copyOf(dropped);
        }

        static Drops of(String sql) {
            List<List<Token>> statements = SqlLexer.statements(sql);
            return new Drops(statements.isEmpty(), DropStatements.dropped(statements));
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
