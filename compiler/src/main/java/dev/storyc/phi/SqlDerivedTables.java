package dev.storyc.phi;

import dev.storyc.diag.Position;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.model.DerivedTable;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code derived_table: { sql: ... ;; }} of a rendered view file and rewrites each
 * query in place, so a derived table that selects a protected column shows its treatment.
 */
final class SqlDerivedTables {
    private SqlDerivedTables() {}

    static SqlPhiRewriter.Rewritten rewrite(SqlPhiRewriter rewriter, String path, String text) {
        if (!text.contains("derived_table")) {
            return new SqlPhiRewriter.Rewritten(text, List.of());
        }
        List<SqlPhiFinding> problems = new ArrayList<>();
        SqlEdits edits = new SqlEdits();
        for (View view : Lookml.model(Lookml.parse(path, text)).views()) {
            Optional<Located> sql = view.derivedTable().flatMap(DerivedTable::sql);
            if (sql.isEmpty()) {
                continue;
            }
            int start = offset(text, sql.get().position());
            String query = sql.get().value();
            if (start < 0 || !text.startsWith(query, start)) {
                continue;
            }
            SqlPhiRewriter.Rewritten out = rewriter.derivedTable(query);
            if (!out.text().equals(query)) {
                edits.replace(start, start + query.length(), out.text());
            }
            out.problems().forEach(p -> problems.add(new SqlPhiFinding(p.code(),
                    start + p.offset(), p.message(), p.hint(), p.column())));
        }
        return new SqlPhiRewriter.Rewritten(edits.apply(text), problems);
    }

    /** Returns the offset of a 1-based line and column, or -1. */
    static int offset(String text, Position position) {
        if (!position.hasLine()) {
            return -1;
        }
        int at = 0;
        for (int line = 1; line < position.line(); line++) {
            at = text.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        return at + position.column() - 1;
    }
}
