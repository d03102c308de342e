package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code UPDATE t [AS a] SET c = expr, ... [FROM ...]}: each set column is stored from its
 * expression, which may read the target's own columns and the {@code FROM} list's.
 */
final class SqlUpdates {
    private SqlUpdates() {}

    static Optional<SqlWrite> read(SqlTokens t, SqlQueryReader reader, SqlColumns columns) {
        int i = 1;
        if (t.word(i, "only")) {
            i++;
        }
        int end = SqlFlowAnalysis.nameEnd(t, i);
        Optional<TableName> target = TableName.parse(t.text(i, end));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        i = end;
        if (t.word(i, "as")) {
            i++;
        }
        String alias = target.get().table();
        if (t.name(i) && !t.word(i, "set")) {
            alias = t.identifier(i).orElseThrow();
            i++;
        }
        if (!t.word(i, "set")) {
            return Optional.empty();
        }
        int setEnd = t.findTop(i + 1, t.size(), Set.of("from", "where", "returning"));
        SqlScope scope = new SqlScope(null);
        scope.add(new SqlRelation.Table(target.get(), alias, columns.of(target.get())));
        if (t.word(setEnd, "from")) {
            reader.from(setEnd + 1, t.findTop(setEnd + 1, t.size(), Set.of("where",
                    "returning")), scope);
        }
        List<String> names = new ArrayList<>();
        List<SqlProduced> produced = new ArrayList<>();
        List<SqlOpaque> opaque = new ArrayList<>();
        for (int[] range : t.splitTop(i + 1, setEnd)) {
            int equals = range[0];
            while (equals < range[1] && !t.punct(equals, "=")) {
                equals++;
            }
            if (t.punct(range[0], "(") || equals + 1 >= range[1]) {
                opaque.add(SqlOpaque.unbounded("`" + t.text(range[0], range[1])
                        + "`, which sets several columns at once", t.get(range[0]).offset()));
                continue;
            }
            String column = t.identifier(equals - 1).orElse("");
            SqlFlow flow = reader.expressions().read(equals + 1, range[1], scope,
                    Optional.empty());
            names.add(column);
            boolean single = SqlItemNames.isReference(t, equals + 1, range[1]);
            produced.add(new SqlProduced.Column(Optional.of(column), List.of(new SqlItem(
                    t.get(equals + 1).offset(), t.get(range[1] - 1).end(), Optional.of(column),
                    true, single ? flow.reads()
                            : flow.reads().stream().map(SqlColumnRead::changed).toList(),
                    flow.opaque()))));
        }
        return Optional.of(new SqlWrite(SqlWrite.Kind.UPDATE, target, t.get(0).offset(), names,
                new SqlShape(produced, opaque)));
    }
}
