package dev.storyc.phi;

import dev.storyc.check.SqlLexer.TokenKind;
import java.util.Optional;
import java.util.Set;

/**
 * Names a select item's column as PostgreSQL does: its alias ({@code ... AS x} or a bare {@code
 * ... x}), else the column a plain reference names ({@code t.x}), else the function a call names
 * ({@code lower(...)}). It also finds where the expression ends, before the alias, which is what
 * a rewrite wraps.
 */
final class SqlItemNames {
    private static final Set<String> NOT_ALIASES = Set.of("end", "null", "true", "false");

    private SqlItemNames() {}

    /**
     * The name of an item and where its expression ends.
     *
     * @param exprEnd the index after the expression's last token
     */
    record Named(Optional<String> name, boolean aliased, int exprEnd) {}

    static Named name(SqlTokens t, int from, int to) {
        int last = to - 1;
        if (to - from >= 3 && t.word(last - 1, "as") && t.name(last)) {
            return new Named(t.identifier(last), true, last - 1);
        }
        if (isReference(t, from, to)) {
            return new Named(t.identifier(last), false, to);
        }
        if (to - from >= 2 && t.name(last) && !t.wordIn(last, NOT_ALIASES)
                && !t.punct(last - 1, ".") && (t.punct(last - 1, ")")
                        || t.get(last - 1).kind() == TokenKind.STRING
                        || t.name(last - 1) && !t.wordIn(last - 1, SqlWords.KEYWORDS))) {
            return new Named(t.identifier(last), true, last);
        }
        if (t.name(from) && t.punct(from + 1, "(") && t.close(from + 1, to) == last) {
            return new Named(t.identifier(from), false, to);
        }
        return new Named(Optional.empty(), false, to);
    }

    /** Returns true when [from, to) is exactly a column reference: {@code x}, {@code t.x}. */
    static boolean isReference(SqlTokens t, int from, int to) {
        if ((to - from) % 2 == 0 || to - from > 7) {
            return false;
        }
        for (int i = from; i < to; i++) {
            boolean ok = (i - from) % 2 == 0 ? t.name(i) : t.punct(i, ".");
            if (!ok) {
                return false;
            }
        }
        return !(to - from == 1 && t.wordIn(from, SqlWords.KEYWORDS));
    }
}
