package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Spelling;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports a merge job's {@code key} column that its target table does not have (E0902), when the
 * schema scripts say what the table's columns are: found only by the job's first run, where the
 * merge failed in the warehouse (round 18). A table whose columns the scripts cannot tell (built
 * by a {@code DO} block, or outside storyc) is passed over.
 */
final class EtlKeyColumns {
    private EtlKeyColumns() {}

    static void check(Scope scope, List<EtlJobs.Target> targets) {
        if (targets.stream().allMatch(target -> target.key().isEmpty())) {
            return;
        }
        ColumnTables tables = scope.cache.columns(ColumnReferences.scripts(scope));
        for (EtlJobs.Target target : targets) {
            Optional<ColumnCatalog.Columns> table = TableName.parse(target.value()).flatMap(tables::lookup)
                    .filter(ColumnCatalog.Columns::known);
            if (target.key().isEmpty() || table.isEmpty()) {
                continue;
            }
            String job = target.file().file().fileName().replace(".job.toml", "");
            for (String column : target.key()) {
                String folded = column.toLowerCase(Locale.ROOT);
                if (table.get().has(folded)) {
                    continue;
                }
                scope.report(Diagnostic.error(Code.ETL_KEY_INVALID, target.file().at(target.keyAt(), column),
                                "`key` of ETL job `" + job + "` names column `" + column + "`, which table `"
                                        + table.get().table() + "` does not have, so the job's merge would fail")
                        .withHint(Spelling.didYouMean(folded, table.get().names())
                                .orElse("`" + table.get().table() + "` has " + String.join(", ", table.get().names()))));
            }
        }
    }
}
