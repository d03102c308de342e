package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.toml.TomlDocument;
import dev.storyc.toml.TomlSpans;
import dev.storyc.workspace.ImportPaths;
import dev.storyc.workspace.ImportedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Writes the {@code sha256} pins of environments.toml's imports, as {@code storyc env freeze} does.
 * The file is edited, not regenerated: only the text of a changed pin is replaced, or a pin inserted
 * after its import's path, so comments, spacing and order survive byte for byte.
 */
public final class ImportPins {
    private ImportPins() {}

    /** One import after freezing: its path, its pin, and whether the pin was written now. */
    public record Pin(String path, String sha256, boolean changed) {}

    /** The new text of environments.toml and what happened to each import. */
    public record Frozen(String text, List<Pin> pins) {}

    private record Edit(int start, int end, String replacement) {}

    /** Returns environments.toml with every import pinned to the file as the loader read it. */
    public static Result<Frozen> freeze(SourceFile source, Map<String, ImportedFile> imported) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<TomlDocument> parsed = TomlDocument.parse(source, Code.ENV_TOML_SYNTAX, diagnostics);
        if (parsed.isEmpty()) {
            return Result.failed(diagnostics.all());
        }
        TomlDocument doc = parsed.get();
        if (!doc.root().isArray("imports")) {
            return Result.of(new Frozen(source.text(), List.of()), diagnostics);
        }
        String text = source.text();
        TomlArray imports = doc.root().getArray("imports");
        List<Edit> edits = new ArrayList<>();
        List<Pin> pins = new ArrayList<>();
        for (int i = 0; i < imports.size(); i++) {
            if (!(imports.get(i) instanceof TomlTable entry) || !entry.isString("path")) {
                diagnostics.error(Code.ENV_FIELD_TYPE, doc.positionOf(imports, i), "an import needs a `path` string");
                continue;
            }
            String path = entry.getString("path");
            Position at = doc.positionOf(entry, "path");
            ImportedFile file = ImportPaths.problemWith(path).<ImportedFile>map(ImportedFile.Escapes::new)
                    .orElse(imported.getOrDefault(path, new ImportedFile.Missing()));
            if (!(file instanceof ImportedFile.Loaded loaded)) {
                diagnostics.add(Diagnostic.error(file instanceof ImportedFile.Escapes ? Code.ENV_IMPORT_ESCAPES
                                : Code.ENV_IMPORT_NOT_FOUND, at, "`" + path + "` cannot be pinned: " + reason(file))
                        .withHint("fix the path, then run `storyc env freeze` again"));
                continue;
            }
            String sha = loaded.sha256();
            Object pinned = entry.get(List.of("sha256"));
            if (sha.equals(pinned)) {
                pins.add(new Pin(path, sha, false));
                continue;
            }
            Optional<Edit> edit = pinned != null
                    ? replacePin(text, offset(text, doc.positionOf(entry, "sha256")), sha)
                    : insertPin(text, offset(text, at), isInline(text, doc.positionOf(imports, i)),
                            sha);
            if (edit.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.ENV_FIELD_TYPE, at,
                                "the import of `" + path + "` is written in a way `storyc env freeze` cannot edit")
                        .withHint("write it as `{ path = \"" + path + "\", sha256 = \"" + sha + "\" }`"));
                continue;
            }
            edits.add(edit.get());
            pins.add(new Pin(path, sha, true));
        }
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        StringBuilder out = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> out.replace(e.start(), e.end(), e.replacement()));
        return Result.of(new Frozen(out.toString(), pins), diagnostics);
    }

    private static String reason(ImportedFile file) {
        if (file instanceof ImportedFile.Escapes escapes) {
            return escapes.reason();
        }
        if (file instanceof ImportedFile.Unreadable unreadable) {
            return unreadable.reason();
        }
        return "it does not exist";
    }

    /** Replaces the string after {@code sha256 =}, which starts at {@code keyAt}. */
    private static Optional<Edit> replacePin(String text, int keyAt, String sha) {
        int start = stringStart(text, keyAt);
        int end = start < 0 ? -1 : TomlSpans.stringEnd(text, start);
        return end < 0 ? Optional.empty() : Optional.of(new Edit(start, end, "\"" + sha + "\""));
    }

    /**
     * Inserts a pin after the path string of an import: within the braces of an inline table, or on
     * a line of its own under {@code [[imports]]}, with the path line's indentation.
     */
    private static Optional<Edit> insertPin(String text, int pathKeyAt, boolean inline, String sha) {
        int start = stringStart(text, pathKeyAt);
        int end = start < 0 ? -1 : TomlSpans.stringEnd(text, start);
        if (end < 0) {
            return Optional.empty();
        }
        if (inline) {
            return Optional.of(new Edit(end, end, ", sha256 = \"" + sha + "\""));
        }
        int lineEnd = text.indexOf('\n', end);
        int lineStart = TomlSpans.lineStart(text, pathKeyAt);
        String indent = text.substring(lineStart, pathKeyAt);
        if (lineEnd < 0) {
            return Optional.of(new Edit(text.length(), text.length(), "\n" + indent + "sha256 = \"" + sha + "\"\n"));
        }
        boolean crlf = lineEnd > 0 && text.charAt(lineEnd - 1) == '\r';
        int at = crlf ? lineEnd - 1 : lineEnd;
        return Optional.of(new Edit(at, at, (crlf ? "\r\n" : "\n") + indent + "sha256 = \"" + sha + "\""));
    }

    private static boolean isInline(String text, Position element) {
        int at = offset(text, element);
        return at < text.length() && text.charAt(at) == '{';
    }

    /** Returns the offset of the string value of the key written at {@code keyAt}, or -1. */
    private static int stringStart(String text, int keyAt) {
        int start = TomlSpans.valueStart(text, keyAt);
        return start >= 0 && start < text.length() && (text.charAt(start) == '"' || text.charAt(start) == '\'')
                ? start : -1;
    }

    private static int offset(String text, Position position) {
        return TomlSpans.offsetOf(text, position.line(), position.column());
    }
}
