package dev.storyc.release;

import dev.storyc.toml.TomlSpans;
import dev.storyc.toml.TomlText;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Edits a release manifest the way a careful person would: only the lines that must change, with
 * comments, blank lines, order, indentation and quoting left exactly as they were. Generic TOML
 * writers reformat whole files, which is the nuisance-commit problem storyc exists to remove.
 */
public final class ManifestEditor {
    private final String text;
    private final TomlParseResult toml;

    private ManifestEditor(String text) {
        this(text, Toml.parse(text));
        if (toml.hasErrors()) {
            throw new ManifestLayoutException("it is not valid TOML: " + toml.errors().get(0));
        }
    }

    /** An editor of {@code text}, which {@code toml} is the parse of, free of errors. */
    private ManifestEditor(String text, TomlParseResult toml) {
        this.text = text;
        this.toml = toml;
    }

    /** Returns an editor for a manifest; the text must be valid TOML with a {@code stories} array. */
    public static ManifestEditor of(String text) {
        return new ManifestEditor(text);
    }

    /** Returns the text with {@code story} appended to {@code stories}, in the list's own style. */
    public String add(StoryId story) {
        List<String> expected = new ArrayList<>(storyValues());
        expected.add(story.value());
        return verified(appended(story), expected, pinValues());
    }

    private String appended(StoryId story) {
        TomlArray stories = stories();
        String literal = TomlText.string(story.value());
        if (stories.isEmpty()) {
            int open = offsetOfValue("stories");
            int close = closing(open + 1);
            if (text.substring(open, close).contains("\n")) {
                // An empty list written over lines gets the one-per-line style from its first story.
                int lineStart = TomlSpans.lineStart(text, close);
                return text.substring(0, lineStart) + "  " + literal + ",\n" + text.substring(lineStart);
            }
            return text.substring(0, close) + literal + text.substring(close);
        }
        int lastStart = TomlSpans.offsetOf(text, stories.inputPositionOf(stories.size() - 1));
        int lastEnd = TomlSpans.stringEnd(text, lastStart);
        int close = closing(lastEnd);
        boolean multiline = text.substring(lastEnd, close).contains("\n");
        if (!multiline) {
            return text.substring(0, lastEnd) + ", " + literal + text.substring(lastEnd);
        }
        // One element per line: copy the last element's indentation and trailing-comma habit.
        int lineStart = TomlSpans.lineStart(text, lastStart);
        String indent = text.substring(lineStart, lastStart);
        int afterLast = TomlSpans.skipBlanks(text, lastEnd);
        boolean hasComma = afterLast < text.length() && text.charAt(afterLast) == ',';
        int lineEnd = TomlSpans.lineEnd(text, lastEnd);
        String fixedLast = hasComma ? text.substring(0, lineEnd) : text.substring(0, lastEnd) + "," + text.substring(lastEnd, lineEnd);
        return fixedLast + "\n" + indent + literal + (hasComma ? "," : "") + text.substring(lineEnd);
    }

    /** Returns the text without {@code story} in {@code stories} and without its pin. */
    public String drop(StoryId story) {
        String edited = text;
        Optional<Integer> index = indexOf(story);
        if (index.isPresent()) {
            edited = dropElement(index.get());
        }
        List<String> expected = new ArrayList<>(storyValues());
        expected.remove(story.value());
        Map<String, String> pins = new java.util.LinkedHashMap<>(pinValues());
        pins.remove(story.value());
        return verified(reparsed(edited).dropPin(story), expected, pins);
    }

    /** Returns the text with a {@code [pins]} table holding exactly {@code pins}, in the given order. */
    public String seal(Map<StoryId, String> pins) {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        pins.forEach((id, tree) -> expected.put(id.value(), tree));
        return verified(sealed(pins), storyValues(), expected);
    }

    private String sealed(Map<StoryId, String> pins) {
        StringBuilder table = new StringBuilder();
        pins.forEach((id, tree) -> table.append(TomlText.key(id.value())).append(" = ").append(TomlText.string(tree))
                .append('\n'));
        Optional<int[]> existing = pinsSection();
        if (existing.isPresent()) {
            int[] span = existing.get();
            return text.substring(0, span[0]) + table + text.substring(span[1]);
        }
        String separator = text.endsWith("\n\n") || text.isEmpty() ? "" : text.endsWith("\n") ? "\n" : "\n\n";
        return text + separator + "# Sealed: each story's git tree id. Compiles read these trees, not the working tree.\n"
                + "[pins]\n" + table;
    }

    /**
     * Returns the text with its pins and their comment removed, for a new release's copy: a
     * {@code [pins]} table, or pins written on the top-level lines ({@code pins = { ... }},
     * {@code pins.x = "..."}). A copy that kept any pin would be sealed to the old release's trees,
     * so the result is parsed again and refused ({@link ManifestLayoutException}) unless it holds
     * the same stories and everything else and no pin.
     */
    public String unsealed() {
        String withoutTable = withoutPinsTable();
        String result = withoutTopLevelPinLines(withoutTable);
        return verified(result, storyValues(), Map.of());
    }

    /** Removes top-level lines that set {@code pins}, before the first table header. */
    private static String withoutTopLevelPinLines(String text) {
        StringBuilder kept = new StringBuilder();
        boolean inTable = false;
        for (String line : text.split("(?<=\n)", -1)) {
            String code = line.stripLeading();
            inTable |= code.startsWith("[");
            boolean setsPins = !inTable && code.matches("(?s)(pins|\"pins\"|'pins')\\s*[.=].*");
            if (!setsPins) {
                kept.append(line);
            }
        }
        return kept.toString();
    }

    private String withoutPinsTable() {
        Optional<int[]> existing = pinsSection();
        if (existing.isEmpty()) {
            return text;
        }
        int header = text.lastIndexOf("[pins]", existing.get()[0]);
        int start = header;
        // Take the comment lines written just above the table with it.
        while (start > 0) {
            int previousLineStart = TomlSpans.lineStart(text, start - 1);
            if (!text.substring(previousLineStart, start).stripLeading().startsWith("#")) {
                break;
            }
            start = previousLineStart;
        }
        String before = text.substring(0, start).replaceAll("\n+$", "\n");
        return before + text.substring(existing.get()[1]);
    }

    /**
     * Returns the text with its leading comment block (the lines before the first line that is not
     * a comment) replaced by {@code header}. A copied release's header describes the release it was
     * copied from ("# Release 2026-W49: in acceptance"), which would be false in the copy.
     */
    public String withHeader(String header) {
        int start = 0;
        while (start < text.length()
                && text.substring(start, TomlSpans.lineEnd(text, start)).stripLeading().startsWith("#")) {
            start = Math.min(text.length(), TomlSpans.lineEnd(text, start) + 1);
        }
        String comment = header.lines().map(line -> line.isEmpty() ? "#" : "# " + line)
                .reduce("", (all, line) -> all + line + "\n");
        return comment + text.substring(start);
    }

    private String dropPin(StoryId story) {
        if (!toml.isTable("pins")) {
            return text;
        }
        TomlTable pins = toml.getTable("pins");
        TomlPosition at = pins.inputPositionOf(List.of(story.value()));
        if (at == null) {
            return text;
        }
        int lineStart = TomlSpans.offsetOf(text, at.line(), 1);
        return text.substring(0, lineStart) + text.substring(Math.min(text.length(), TomlSpans.lineEnd(text, lineStart) + 1));
    }

    private String dropElement(int index) {
        TomlArray stories = stories();
        int start = TomlSpans.offsetOf(text, stories.inputPositionOf(index));
        int end = TomlSpans.stringEnd(text, start);
        int lineStart = TomlSpans.lineStart(text, start);
        int lineEnd = TomlSpans.lineEnd(text, end);
        String before = text.substring(lineStart, start);
        String after = text.substring(end, lineEnd).strip();
        boolean aloneOnLine = before.isBlank() && (after.isEmpty() || after.equals(",") || after.startsWith("#")
                || after.startsWith(",") && after.substring(1).strip().startsWith("#"));
        if (aloneOnLine) {
            return text.substring(0, lineStart) + text.substring(Math.min(text.length(), lineEnd + 1));
        }
        // Inline list: remove the element with the comma that follows it, or else the one before it.
        int next = TomlSpans.skipBlanks(text, end);
        if (next < text.length() && text.charAt(next) == ',') {
            return text.substring(0, start) + text.substring(TomlSpans.skipBlanks(text, next + 1));
        }
        int previous = start - 1;
        while (previous > 0 && Character.isWhitespace(text.charAt(previous))) {
            previous--;
        }
        if (text.charAt(previous) == ',') {
            return text.substring(0, previous) + text.substring(end);
        }
        return text.substring(0, start) + text.substring(end);
    }

    private Optional<Integer> indexOf(StoryId story) {
        TomlArray stories = stories();
        for (int i = 0; i < stories.size(); i++) {
            if (story.value().equals(stories.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Returns [start, end) of the pins table's body: the lines after its header up to the next table. */
    private Optional<int[]> pinsSection() {
        int header = TomlSpans.tableHeader(text, "pins");
        if (header < 0) {
            return Optional.empty();
        }
        int bodyStart = TomlSpans.lineEnd(text, header) + 1;
        int end = bodyStart;
        while (end < text.length()) {
            int lineEnd = TomlSpans.lineEnd(text, end);
            if (text.substring(end, lineEnd).stripLeading().startsWith("[")) {
                break;
            }
            end = Math.min(text.length(), lineEnd + 1);
        }
        return Optional.of(new int[] {Math.min(bodyStart, text.length()), end});
    }

    /**
     * Returns {@code edited} when it parses to exactly {@code stories} and {@code pins} and all
     * else unchanged; else throws, so that a layout the line edits do not know (a comma opening a
     * line, pins written inline) is refused rather than written broken.
     */
    private String verified(String edited, List<String> stories, Map<String, String> pins) {
        ManifestEditor after = reparsed(edited);
        if (!after.storyValues().equals(stories) || !after.pinValues().equals(pins)) {
            throw new ManifestLayoutException(
                    "the edit would not leave exactly the stories and pins asked for");
        }
        Map<String, Object> others = new java.util.TreeMap<>(toml.toMap());
        Map<String, Object> othersAfter = new java.util.TreeMap<>(after.toml.toMap());
        others.keySet().removeAll(List.of("stories", "pins"));
        othersAfter.keySet().removeAll(List.of("stories", "pins"));
        if (!others.equals(othersAfter)) {
            throw new ManifestLayoutException("the edit would change more than the stories and pins");
        }
        return edited;
    }

    /** Returns an editor of a text this editor made, which must still parse. */
    private static ManifestEditor reparsed(String edited) {
        TomlParseResult result = Toml.parse(edited);
        if (result.hasErrors()) {
            throw new ManifestLayoutException("the edit would leave it invalid TOML ("
                    + result.errors().get(0).getMessage() + ")");
        }
        return new ManifestEditor(edited, result);
    }

    /** Returns the story names in {@code stories}, in order; a value that is no string as its text. */
    private List<String> storyValues() {
        TomlArray array = toml.isArray("stories") ? toml.getArray("stories") : null;
        List<String> values = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            values.add(String.valueOf(array.get(i)));
        }
        return values;
    }

    /** Returns the {@code pins} table's entries, in order, or none. */
    private Map<String, String> pinValues() {
        Map<String, String> pins = new java.util.LinkedHashMap<>();
        if (toml.isTable("pins")) {
            TomlTable table = toml.getTable("pins");
            for (String key : table.keySet()) {
                pins.put(key, String.valueOf(table.get(List.of(key))));
            }
        }
        return pins;
    }

    private TomlArray stories() {
        TomlArray stories = toml.getArray("stories");
        if (stories == null) {
            throw new IllegalArgumentException("the manifest has no `stories` list");
        }
        return stories;
    }

    private int offsetOfValue(String key) {
        int keyOffset = TomlSpans.offsetOf(text, toml.inputPositionOf(key));
        return text.indexOf('[', keyOffset);
    }

    /** Returns the {@code ]} that closes the list starting before {@code from}; the text parsed, so it exists. */
    private int closing(int from) {
        int close = TomlSpans.closingBracket(text, from);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed list");
        }
        return close;
    }

    /** Returns the ids listed in {@code stories}, for callers that check before editing. */
    public List<StoryId> storyIds() {
        List<StoryId> ids = new ArrayList<>();
        TomlArray stories = stories();
        for (int i = 0; i < stories.size(); i++) {
            ids.add(new StoryId(String.valueOf(stories.get(i))));
        }
        return ids;
    }
}
