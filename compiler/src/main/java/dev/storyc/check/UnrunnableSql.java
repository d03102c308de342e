package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.SourceFile;
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

    /** Returns what in a script's template cannot run inside storyc's transaction, in script order. */
    static List<Finding> inTemplate(String template) {
        return find(TEMPLATE_TAG.matcher(template).replaceAll(tag -> tag.group().replaceAll("[^\n]", " ")));
    }

    /** A template tag, such as {@code <% env.warehouse.schema %>} or a {@code <%! comment %>}. */
    private static final java.util.regex.Pattern TEMPLATE_TAG = java.util.regex.Pattern.compile("(?s)<%.*?%>");

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
                if (isPsqlVariable(sql, token)) {
                    found.add(new Finding(Code.SQL_NOT_RUNNABLE, token.offset(), ":",
                            "`" + sql.substring(token.offset(), token.offset() + 2) + "` is a psql variable, which only"
                                    + " psql fills in; the warehouse refuses it",
                            "write the value, or a template value such as <% env.variables.name %>"));
                    break;
                }
            }
        }
        // 'it\'s' closes where Redshift reads backslash escapes and not where PostgreSQL does not:
        // only what neither reading closes is unterminated.
        if (lexed.unterminated() >= 0 && SqlLexer.lex(sql, true).unterminated() >= 0) {
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
        java.util.Optional<String> shown = refusedInATransaction(statement);
        if (shown.isEmpty()) {
            return java.util.Optional.empty();
        }
        Token at = statement.get(0);
        return java.util.Optional.of(new Finding(Code.SQL_OUTSIDE_TRANSACTION, at.offset(), at.text(),
                "`" + shown.get() + "` cannot run inside a transaction, and storyc runs every"
                        + " schema change, ETL job and data test in one",
                "leave it to the database's administration (autovacuum, an index built by hand, a"
                        + " database made once); a plain CREATE INDEX runs in a transaction"));
    }

    /** Returns how a statement PostgreSQL refuses inside a transaction block is named, or empty. */
    private static java.util.Optional<String> refusedInATransaction(List<Token> statement) {
        String first = word(statement, 0);
        String second = word(statement, 1);
        boolean concurrently = statement.stream().anyMatch(t -> t.isWord("concurrently"));
        String shown = switch (first) {
            case "vacuum" -> "VACUUM";
            case "cluster" -> statement.size() == 1 ? "CLUSTER" : null;
            case "create", "drop" -> switch (second) {
                case "database", "tablespace", "subscription" -> upper(first, second);
                case "index", "unique" -> indexConcurrently(statement) ? upper(first, "index concurrently") : null;
                default -> null;
            };
            case "reindex" -> concurrently ? "REINDEX ... CONCURRENTLY"
                    : second.equals("database") || second.equals("system") ? upper(first, second) : null;
            case "alter" -> second.equals("system") ? "ALTER SYSTEM"
                    : second.equals("database") && hasWords(statement, "set", "tablespace")
                            ? "ALTER DATABASE ... SET TABLESPACE"
                    : second.equals("table") && hasWords(statement, "detach", "partition") && concurrently
                            ? "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY"
                    : null;
            default -> null;
        };
        return java.util.Optional.ofNullable(shown);
    }

    private static String upper(String first, String rest) {
        return (first + " " + rest).toUpperCase(Locale.ROOT);
    }

    /** Returns whether {@code first} is followed at once by {@code second} somewhere in the statement. */
    private static boolean hasWords(List<Token> statement, String first, String second) {
        for (int i = 0; i + 1 < statement.size(); i++) {
            if (statement.get(i).isWord(first) && statement.get(i + 1).isWord(second)) {
                return true;
            }
        }
        return false;
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

    /** psql's {@code :'name'} and {@code :"name"}; a cast's {@code ::"Type"} is not one. */
    private static boolean isPsqlVariable(String sql, Token token) {
        int at = token.offset();
        return token.isPunct(":") && at + 1 < sql.length() && (sql.charAt(at + 1) == '\'' || sql.charAt(at + 1) == '"')
                && (at == 0 || sql.charAt(at - 1) != ':');
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

    /**
     * Checks each script's template, not its rendering: nothing this check finds comes from an
     * environment's values, and a template is the same in every environment, so the parse cache
     * lexes it once rather than once per environment (twelve times, on the example's cluster).
     * Template tags are blanked first, so a {@code <%! don't %>} comment opens no string.
     */
    static void check(Scope scope) {
        for (ArtifactKind kind : RUN_IN_A_TRANSACTION) {
            for (CheckedFile file : scope.files(kind)) {
                SourceFile template = file.file().source();
                for (Finding finding : scope.cache.unrunnable(template.path(), template.text())) {
                    scope.report(Diagnostic.error(finding.code(), template.positionOf(finding.offset()),
                                    finding.message() + " (`" + file.file().fileName() + "` of story `"
                                            + file.story().id() + "`)")
                            .withHint(finding.hint()));
                }
            }
        }
    }
}
