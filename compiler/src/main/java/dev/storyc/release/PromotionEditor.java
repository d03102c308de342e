package dev.storyc.release;

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
            int start = offset(text, key);
            int equals = text.indexOf('=', start);
            int valueStart = equals + 1;
            while (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t') {
                valueStart++;
            }
            int valueEnd = endOfString(text, valueStart);
            return Optional.of(text.substring(0, valueStart) + literal + text.substring(valueEnd));
        }
        TomlPosition table = toml.inputPositionOf(List.of("environments", environment));
        int tableStart = offset(text, table);
        int lineStart = text.lastIndexOf('\n', Math.max(0, tableStart - 1)) + 1;
        if (!text.substring(lineStart).stripLeading().startsWith("[")) {
            return Optional.empty(); // an inline table: no line of its own to add to
        }
        int headerLineEnd = text.indexOf('\n', tableStart);
        int insertAt = headerLineEnd < 0 ? text.length() : headerLineEnd + 1;
        String prefix = headerLineEnd < 0 ? "\n" : "";
        return Optional.of(text.substring(0, insertAt) + prefix + "release = " + literal + "\n" + text.substring(insertAt));
    }

    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        if (quote != '"' && quote != '\'') {
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '#') {
                end++;
            }
            return end;
        }
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += quote == '"' && text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + 1);
    }

    private static int offset(String text, TomlPosition position) {
        int i = 0;
        for (int line = 1; line < position.line(); line++) {
            i = text.indexOf('\n', i) + 1;
        }
        return i + position.column() - 1;
    }
}
