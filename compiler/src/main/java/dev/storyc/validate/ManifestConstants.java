package dev.storyc.validate;

import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Looker constants of a compiled project ({@code constant: schema { value: "analytics" }} in
 * the manifest storyc writes), for {@link dev.storyc.lookml.LookerConstants} to fill in. The live
 * validator skipped every field of a view whose {@code sql_table_name} was {@code
 * @{schema}.orders}, which is how most projects name their tables (round 13).
 */
public final class ManifestConstants {
    private ManifestConstants() {}

    /** Returns the constants a manifest defines, by name; values with a line break are left out. */
    public static Map<String, String> of(String manifest) {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Block constant : Lookml.parse("manifest.lkml", manifest).tree().root().blocks("constant")) {
            constant.first("value").filter(item -> item instanceof Pair).map(item -> ((Pair) item).unescapedValue())
                    .filter(value -> value.indexOf('\n') < 0)
                    .ifPresent(value -> constant.name().ifPresent(name -> constants.put(name, value)));
        }
        return constants;
    }
}
