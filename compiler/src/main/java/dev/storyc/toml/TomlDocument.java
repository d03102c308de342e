package dev.storyc.toml;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A TomlDocument is a parsed TOML source file that can say where each of its values was written.
 * tomlj keeps positions on tables and arrays; this wrapper turns them into storyc positions.
 */
public final class TomlDocument {
    private final SourceFile source;
    private final TomlParseResult result;

    private TomlDocument(SourceFile source, TomlParseResult result) {
        this.source = source;
        this.result = result;
    }

    /**
     * Parses a file, reporting its first syntax error under {@code syntaxCode}. Returns empty when
     * the file has errors, because tomlj's partial result cannot be trusted. Only the first: tomlj
     * goes on after an error from wherever it stopped, so one missing comma in a list was three
     * errors, the last two about text that is correct (round 18).
     */
    public static Optional<TomlDocument> parse(SourceFile source, Code syntaxCode, Diagnostics diagnostics) {
        TomlParseResult result = Toml.parse(source.text());
        if (result.hasErrors()) {
            for (TomlParseError error : result.errors().subList(0, 1)) {
                TomlPosition at = error.position();
                Position position = at == null
                        ? Position.ofFile(source.path())
                        : Position.of(source.path(), at.line(), at.column());
                diagnostics.add(Diagnostic.error(syntaxCode, position, "invalid TOML: " + errorText(error))
                        .withHint("see https://toml.io/en/v1.0.0 for the syntax"));
            }
            return Optional.empty();
        }
        return Optional.of(new TomlDocument(source, result));
    }

    private static String errorText(TomlParseError error) {
        String message = error.getMessage();
        int at = message.lastIndexOf(" (line ");
        return at > 0 ? message.substring(0, at) : message;
    }

    /**
     * Reports every key of {@code table} outside {@code allowed}, with a "did you mean": records in
     * storyc's files are closed, so a typo is an error instead of a silently ignored setting.
     */
    public void rejectUnknownKeys(TomlTable table, java.util.Set<String> allowed, Code code, String where,
            String fallbackHint, Diagnostics diagnostics) {
        for (String key : table.keySet()) {
            if (!allowed.contains(key)) {
                diagnostics.add(Diagnostic.error(code, positionOf(table, key), "unknown field `" + key + "` in " + where)
                        .withHint(dev.storyc.diag.Spelling.didYouMean(key, allowed).orElse(fallbackHint)));
            }
        }
    }

    public SourceFile source() {
        return source;
    }

    public TomlTable root() {
        return result;
    }

    /** Returns where the key of {@code key} (a direct child of {@code table}) was written. */
    public Position positionOf(TomlTable table, String key) {
        return toPosition(table.inputPositionOf(java.util.List.of(key)));
    }

    /**
     * Returns where the value of {@code key} (a direct child of {@code table}) starts, after its
     * {@code =}: a diagnostic about the value points there, not at the key. The key's position when
     * the value cannot be found (a table written as a header).
     */
    public Position valuePositionOf(TomlTable table, String key) {
        TomlPosition keyAt = table.inputPositionOf(java.util.List.of(key));
        if (keyAt == null) {
            return filePosition();
        }
        String text = source.text();
        int keyOffset = TomlSpans.offsetOf(text, keyAt);
        int offset = TomlSpans.valueStart(text, keyOffset);
        if (offset < 0 || TomlSpans.lineStart(text, offset) != TomlSpans.lineStart(text, keyOffset)) {
            return toPosition(keyAt);
        }
        return source.positionOf(offset);
    }

    /**
     * Returns where {@code name} is written in the header or key at {@code at}: in {@code
     * [tables.patients]}, the {@code patients} a diagnostic about that table points at.
     */
    public Position nameAt(Position at, String name) {
        if (!at.hasLine()) {
            return at;
        }
        String line = source.line(at.line());
        int found = line.indexOf(name, Math.max(0, at.column() - 1));
        return found < 0 ? at : Position.of(at.file(), at.line(), found + 1);
    }

    /** Returns where element {@code index} of {@code array} was written. */
    public Position positionOf(TomlArray array, int index) {
        return toPosition(array.inputPositionOf(index));
    }

    /** Returns the position of the file as a whole. */
    public Position filePosition() {
        return Position.ofFile(source.path());
    }

    private Position toPosition(TomlPosition at) {
        return at == null ? filePosition() : Position.of(source.path(), at.line(), at.column());
    }
}
