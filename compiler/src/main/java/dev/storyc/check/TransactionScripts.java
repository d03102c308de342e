package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.workspace.ArtifactKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a schema or ETL script that ends or starts a transaction itself (E0636). storyc runs
 * each schema change, with its registry row, in one transaction, and each ETL job in one. A
 * {@code COMMIT} inside keeps half a change, which storyc then reports as rolled back, with no
 * registry row for what stayed; a {@code ROLLBACK} throws the work away, and storyc then records
 * the change as deployed or the job as loaded. Statements that cannot run in a transaction at all,
 * such as {@code VACUUM}, are {@link UnrunnableSql}'s.
 */
final class TransactionScripts {
    private static final List<ArtifactKind> RUN_IN_A_TRANSACTION = List.of(
            ArtifactKind.SCHEMA_DEPLOY, ArtifactKind.SCHEMA_VERIFY, ArtifactKind.SCHEMA_REVERT,
            ArtifactKind.ETL_SQL);

    private TransactionScripts() {}

    /** The words such a statement opens with; a script without any is not lexed at all. */
    private static final java.util.regex.Pattern KEYWORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(begin|start|commit|end|rollback|abort|prepare)\\b");

    /** Returns the first token of each statement that ends or starts a transaction. */
    static List<Token> transactionControl(String sql) {
        if (!KEYWORDS.matcher(sql).find()) {
            return List.of();
        }
        List<Token> found = new ArrayList<>();
        for (List<Token> statement : SqlLexer.statements(sql)) {
            if (endsOrStartsATransaction(statement)) {
                found.add(statement.get(0));
            }
        }
        return List.copyOf(found);
    }

    /**
     * {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK}
     * and {@code ABORT}, with {@code PREPARE TRANSACTION}. {@code ROLLBACK TO} a savepoint stays
     * inside the transaction, so it is allowed, as are savepoints themselves.
     */
    private static boolean endsOrStartsATransaction(List<Token> statement) {
        Token first = statement.get(0);
        Token second = statement.size() > 1 ? statement.get(1) : null;
        if (first.isWord("rollback")) {
            return second == null || !second.isWord("to");
        }
        return first.isWord("begin") || first.isWord("commit") || first.isWord("end")
                || first.isWord("abort")
                || (first.isWord("start") && second != null && second.isWord("transaction"))
                || (first.isWord("prepare") && second != null && second.isWord("transaction"));
    }

    static void check(Scope scope) {
        for (ArtifactKind kind : RUN_IN_A_TRANSACTION) {
            for (CheckedFile file : scope.files(kind)) {
                for (Token token : scope.cache.transactionControl(file.path(), file.text())) {
                    String keyword = token.text().toUpperCase(java.util.Locale.ROOT);
                    scope.report(Diagnostic.error(Code.SQL_TRANSACTION_CONTROL,
                                    file.atOffset(token.offset(), token.text()),
                                    "`" + keyword + "` in " + what(kind) + " `" + file.file().fileName()
                                            + "` of story `" + file.story().id() + "` "
                                            + (keyword.equals("BEGIN") || keyword.equals("START")
                                                    ? "starts" : "ends")
                                            + " the transaction storyc runs it in")
                            .withHint(kind == ArtifactKind.ETL_SQL
                                    ? "remove it: storyc commits the job's statements together, or none of them"
                                    : "remove it: storyc commits the change with its registry row, or rolls both back"));
                }
            }
        }
    }

    private static String what(ArtifactKind kind) {
        return switch (kind) {
            case ETL_SQL -> "ETL SQL";
            case SCHEMA_VERIFY -> "the verify script";
            case SCHEMA_REVERT -> "the revert script";
            default -> "the deploy script";
        };
    }
}
