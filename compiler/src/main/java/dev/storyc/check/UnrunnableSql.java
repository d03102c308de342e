package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.workspace.ArtifactKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses SQL that cannot run where storyc runs it, found until now only by the apply or the job
 * that sent it. Teams moving from psql and sqitch scripts bring three kinds:
 * <ul>
 *   <li>statements PostgreSQL refuses inside a transaction ({@code VACUUM}, {@code CREATE
 *       DATABASE}, {@code CREATE INDEX CONCURRENTLY}, ...), while storyc runs each change and each
 *       job in one (E0639);
 *   <li>psql meta-commands such as {@code \set} and {@code \i}, which only psql understands, and
 *       a comment, string, quoted name or dollar quote that never closes, which swallows the rest
 *       of the script (E0640).
 * </ul>
 */
final class UnrunnableSql {
    private static final List<ArtifactKind> RUN_IN_A_TRANSACTION = List.of(
            ArtifactKind.SCHEMA_DEPLOY, ArtifactKind.SCHEMA_VERIFY, ArtifactKind.SCHEMA_REVERT,
            ArtifactKind.ETL_SQL, ArtifactKind.TEST_SQL);

    /** One thing found: what code, where in the text, and the words that show it. */
    record Finding(Code code, int offset, String shown, String message, String hint) {}

    private UnrunnableSql() {}

    /** Returns what in {@code sql} cannot run inside storyc's transaction, in script order. */
    static List<Finding> find(String sql) {
        SqlLexer.Lexed lexed = SqlLexer.lex(sql);
        List<Finding> found = new ArrayList<>();
        for (List<Token> statement : lexed.statements()) {
            outsideTransaction(statement).ifPresent(found::add);
            for (Token token : statement) {
                if (token.isPunct("\\")) {
                    found.add(new Finding(Code.SQL_NOT_RUNNABLE, token.offset(), "\\",
                            "`\\` starts a psql meta-command, which only psql runs; the warehouse refuses it",
                            "write the SQL it stands for: storyc sends the script to the server as it is"));
                    break;
                }
            }
        }
        if (lexed.unterminated() >= 0) {
            String opener = opener(sql, lexed.unterminated());
            found.add(new Finding(Code.SQL_NOT_RUNNABLE, lexed.unterminated(), opener,
                    "`" + opener + "` opens " + kind(opener) + " that the script never closes, so the rest of"
                            + " the script is inside it",
                    "close it, or remove it"));
        }
        found.sort(java.util.Comparator.comparingInt(Finding::offset));
        return List.copyOf(found);
    }

    private static java.util.Optional<Finding> outsideTransaction(List<Token> statement) {
        String first = word(statement, 0);
        String second = word(statement, 1);
        boolean refused = switch (first) {
            case "vacuum" -> true;
            case "create", "drop" -> second.equals("database") || second.equals("tablespace")
                    || indexConcurrently(statement);
            case "alter" -> second.equals("system");
            case "reindex" -> statement.stream().anyMatch(t -> t.isWord("concurrently"));
            default -> false;
        };
        if (!refused) {
            return java.util.Optional.empty();
        }
        Token at = statement.get(0);
        return java.util.Optional.of(new Finding(Code.SQL_OUTSIDE_TRANSACTION, at.offset(), at.text(),
                "`" + shownStart(statement) + "` cannot run inside a transaction, and storyc runs every"
                        + " schema change, ETL job and data test in one",
                "leave it to the database's administration (autovacuum, an index built by hand, a"
                        + " database made once); a plain CREATE INDEX runs in a transaction"));
    }

    /** CREATE [UNIQUE] INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY. */
    private static boolean indexConcurrently(List<Token> statement) {
        int index = word(statement, 1).equals("unique") ? 2 : 1;
        return word(statement, index).equals("index") && word(statement, index + 1).equals("concurrently");
    }

    private static String word(List<Token> statement, int index) {
        return index < statement.size() && statement.get(index).kind() == SqlLexer.TokenKind.WORD
                ? statement.get(index).text().toLowerCase(Locale.ROOT) : "";
    }

    private static String shownStart(List<Token> statement) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(4, statement.size()); i++) {
            if (statement.get(i).kind() != SqlLexer.TokenKind.WORD) {
                break;
            }
            shown.append(i == 0 ? "" : " ").append(statement.get(i).text().toUpperCase(Locale.ROOT));
        }
        return shown.toString();
    }

    private static String opener(String sql, int offset) {
        if (sql.startsWith("/*", offset)) {
            return "/*";
        }
        if (sql.charAt(offset) == '$') {
            int end = sql.indexOf('$', offset + 1);
            return sql.substring(offset, end + 1);
        }
        return String.valueOf(sql.charAt(offset));
    }

    private static String kind(String opener) {
        return switch (opener.charAt(0)) {
            case '/' -> "a comment";
            case '\'' -> "a string";
            case '"' -> "a quoted name";
            default -> "a dollar-quoted body";
        };
    }

    static void check(Scope scope) {
        for (ArtifactKind kind : RUN_IN_A_TRANSACTION) {
            for (CheckedFile file : scope.files(kind)) {
                for (Finding finding : scope.cache.unrunnable(file.path(), file.text())) {
                    scope.report(Diagnostic.error(finding.code(), file.atOffset(finding.offset(), finding.shown()),
                                    finding.message() + " (`" + file.file().fileName() + "` of story `"
                                            + file.story().id() + "`)")
                            .withHint(finding.hint()));
                }
            }
        }
    }
}
