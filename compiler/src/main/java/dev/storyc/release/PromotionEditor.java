package dev.storyc.release;

import dev.storyc.toml.TomlSpans;
import dev.storyc.toml.TomlText;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * Points an environment at a release by editing its {@code release = "..."} line in
 * environments.toml, and nothing else. When the environment inherits its release, one line is
 * added under its table header instead.
 */
public final class PromotionEditor {
    private PromotionEditor() {}

    /**
     * Returns the edited text, or empty when the environment is not written as its own
     * {@code [environments.E]} table (a template instance, or an inline table).
     */
    public static Optional<String> promote(String text, String environment, String release) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors() || toml.getTable(List.of("environments", environment)) == null) {
            return Optional.empty();
        }
        String literal = TomlText.string(release);
        TomlPosition key = toml.inputPositionOf(List.of("environments", environment, "release"));
        if (key != null) {
            int valueStart = TomlSpans.valueStart(text, TomlSpans.offsetOf(text, key));
            int valueEnd = valueStart < 0 ? -1 : TomlSpans.valueEnd(text, valueStart);
            if (valueEnd < 0) {
                return Optional.empty(); // the file parsed, so this is only a value storyc cannot measure
            }
            return Optional.of(text.substring(0, valueStart) + literal + text.substring(valueEnd));
        }
        TomlPosition table = toml.inputPositionOf(List.of("environments", environment));
        int tableStart = TomlSpans.offsetOf(text, table);
        int lineStart = TomlSpans.lineStart(text, tableStart);
        if (!text.substring(lineStart).stripLeading().startsWith("[")) {
            return Optional.empty(); // an inline table: no line of its own to add to
        }
        int headerLineEnd = text.indexOf('\n', tableStart);
        int insertAt = headerLineEnd < 0 ? text.length() : headerLineEnd + 1;
        String prefix = headerLineEnd < 0 ? "\n" : "";
        return Optional.of(text.substring(0, insertAt) + prefix + "release = " + literal + "\n" + text.substring(insertAt));
    }
}
