package dev.storyc.phi;

import dev.storyc.render.RenderedFile;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the phi stage's replacements to a rendered file. Every replacement keeps the file's
 * lines: diagnostics about the output are reported at template lines, which the rewrite must not
 * move.
 */
final class Rewrites {
    private Rewrites() {}

    /** Returns {@code text} with the edits made, back to front so offsets stay valid. */
    static String apply(String text, List<LookmlAnalysis.Edit> edits) {
        if (edits.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(LookmlAnalysis.Edit::start).reversed())
                .forEach(edit -> out.replace(edit.start(), edit.end(), edit.replacement()));
        return out.toString();
    }

    /** Returns {@code text} with its SQL rewritten by {@code sql}, each piece in place. */
    static String sql(RenderedFile file, String text, SqlProtection sql,
            Classification classification,
            PhiPolicy policy) {
        List<SqlProtection.Source> sources = SqlSources.of(file, text);
        if (sources.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = sources.size() - 1; i >= 0; i--) {
            SqlProtection.Source source = sources.get(i);
            String rewritten = sql.rewrite(source, classification, policy);
            if (lines(rewritten) != lines(source.sql())) {
                throw new IllegalStateException("the SQL rewrite of " + source.path()
                        + " moved lines");
            }
            out.replace(source.offset(), source.offset() + source.sql().length(), rewritten);
        }
        return out.toString();
    }

    private static long lines(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }
}
