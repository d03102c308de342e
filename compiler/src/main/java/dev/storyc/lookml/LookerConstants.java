package dev.storyc.lookml;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looker constants ({@code @{schema}}) filled into LookML text as Looker fills them, before it
 * reads anything else. storyc writes the constants itself (the manifest of each environment), so
 * both {@code check} and {@code validate} can read a {@code sql_table_name} such as
 * {@code @{schema}.orders} as Looker will.
 */
public final class LookerConstants {
    private static final Pattern CONSTANT = Pattern.compile("@\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private LookerConstants() {}

    /** Returns the text with each constant it names filled in; one not in {@code constants} stays as written. */
    public static String fill(String text, Map<String, String> constants) {
        if (constants.isEmpty() || text.indexOf("@{") < 0) {
            return text;
        }
        Matcher constant = CONSTANT.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (constant.find()) {
            String value = constants.get(constant.group(1));
            constant.appendReplacement(filled, Matcher.quoteReplacement(value == null ? constant.group() : value));
        }
        constant.appendTail(filled);
        return filled.toString();
    }
}
