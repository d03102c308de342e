package dev.storyc.check;

import dev.storyc.lookml.liquid.LookerLiquid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Liquid that LookML carries in {@code sql}, {@code html}, links and labels: parsed as Looker
 * reads it ({@link LookerLiquid}), and searched for the fields it names.
 *
 * <p>The field names are found with patterns over the text of each {@code {{ }}} and {@code {% %}}
 * rather than in Liqp's tree: Liqp keeps lookups as nested evaluation nodes with no positions, and
 * what Looker gives meaning to is a small, fixed set of shapes ({@code view.field._value},
 * {@code _filters['view.field']}, the argument of Looker's tags).
 */
final class Liquid {
    /**
     * A field Liquid names, as written ({@code view.field} or {@code field}), at an offset of the
     * text.
     */
    record FieldName(String name, int offset) {}

    private static final Pattern SPAN = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE =
            Pattern.compile(
                    "(?<![\\w.'\"])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\._"
                            + "(?:value|rendered_value|filterable_value|link|linked_value"
                            + "|is_selected|in_query|is_filtered|parameter_value|sql|name)\\b");
    private static final Pattern FILTERS =
            Pattern.compile("_filters\\s*\\[\\s*['\"]([\\w.]+)['\"]\\s*]");
    private static final Pattern LOOKER_TAG =
            Pattern.compile(
                    "\\{%-?\\s*(?:condition|parameter|date_start|date_end)\\s+([A-Za-z_][\\w.]*)");

    private Liquid() {}

    /**
     * Returns the fields the text's Liquid names, in order. Names that begin with {@code _} are
     * Looker's.
     */
    static List<FieldName> fieldNames(String text) {
        List<FieldName> names = new ArrayList<>();
        Matcher span = SPAN.matcher(text);
        while (span.find()) {
            String inside = span.group();
            for (Pattern pattern : List.of(ATTRIBUTE, FILTERS, LOOKER_TAG)) {
                Matcher m = pattern.matcher(inside);
                while (m.find()) {
                    String name = m.group(1);
                    if (!name.startsWith("_")) {
                        names.add(new FieldName(name, span.start() + m.start(1)));
                    }
                }
            }
        }
        names.sort(java.util.Comparator.comparingInt(FieldName::offset));
        return names;
    }

}
