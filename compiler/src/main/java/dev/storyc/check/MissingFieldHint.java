package dev.storyc.check;

import dev.storyc.diag.Spelling;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The hint for a field a view does not have. A misspelling gets "did you mean"; a name that is
 * the start of the view's field names (`loinc` for `loinc_code`, or a dimension group `created`
 * used without its timeframe) gets those names, which an edit distance misses; anything else gets
 * the view's fields, when they are few enough to read.
 */
final class MissingFieldHint {
    private static final int LISTED = 12;

    private MissingFieldHint() {}

    /**
     * @param prefix written before each suggested name (`lab_results.`), or empty
     */
    static String of(String missing, Collection<String> fields, String view, String prefix) {
        Optional<String> spelled = Spelling.closest(missing, fields);
        if (spelled.isPresent()) {
            return "did you mean `" + prefix + spelled.get() + "`?";
        }
        List<String> longer = fields.stream().filter(name -> name.startsWith(missing + "_")).sorted().toList();
        if (longer.size() == 1) {
            return "did you mean `" + prefix + longer.get(0) + "`?";
        }
        if (!longer.isEmpty()) {
            return "a dimension group is used by timeframe: `" + prefix + longer.get(0) + "`"
                    + (longer.size() > 1 ? " or `" + prefix + longer.get(1) + "`" : "")
                    + (longer.size() > 2 ? ", among " + longer.size() : "");
        }
        List<String> sorted = fields.stream().sorted().toList();
        return sorted.size() <= LISTED
                ? "view `" + view + "` has " + String.join(", ", sorted.stream().map(n -> "`" + n + "`").toList())
                : "see the fields of view `" + view + "`; a dimension group is used by timeframe, such as"
                        + " `created_date`";
    }
}
