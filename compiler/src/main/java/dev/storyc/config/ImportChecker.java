package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import dev.storyc.toml.TomlDocument;
import dev.storyc.workspace.ImportPaths;
import dev.storyc.workspace.ImportedFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@code imports = [{ path = "...", sha256 = "..." }]} against the files the loader found,
 * and returns the parsed trees of those that may be used. Each import is pinned by the sha256 of its
 * bytes, so a change to a shared file is a reviewed edit of environments.toml, never a surprise.
 */
final class ImportChecker {
    static final List<String> KEYS = List.of("path", "sha256");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, ImportedFile> imported;
    private final Diagnostics diagnostics;

    ImportChecker(Map<String, ImportedFile> imported, Diagnostics diagnostics) {
        this.imported = imported;
        this.diagnostics = diagnostics;
    }

    /** Returns the root tables of the imported files, in the order they are imported. */
    List<ConfigTable> check(ConfigTable root) {
        List<ConfigTable> files = new ArrayList<>();
        Optional<ConfigValue> value = root.get("imports");
        if (value.isEmpty()) {
            return files;
        }
        if (!(value.get() instanceof ConfigList list)) {
            diagnostics.add(Diagnostic.error(Code.ENV_FIELD_TYPE, value.get().position(),
                            "`imports` must be a list of tables")
                    .withHint("write `imports = [{ path = \"shared/warehouses.toml\" }]` and run `storyc env freeze`"));
            return files;
        }
        Set<String> seen = new HashSet<>();
        for (ConfigValue item : list.items()) {
            check(item, seen).ifPresent(files::add);
        }
        return files;
    }

    private Optional<ConfigTable> check(ConfigValue item, Set<String> seen) {
        if (!(item instanceof ConfigTable entry)) {
            diagnostics.add(Diagnostic.error(Code.ENV_FIELD_TYPE, item.position(), "an import must be a table")
                    .withHint("write `{ path = \"shared/warehouses.toml\", sha256 = \"...\" }`"));
            return Optional.empty();
        }
        for (var key : entry.entries().entrySet()) {
            if (!KEYS.contains(key.getKey())) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_FIELD, key.getValue().position(),
                                "`" + key.getKey() + "` is not a field of an import")
                        .withHint(Spelling.didYouMean(key.getKey(), KEYS).orElse("an import has `path` and `sha256`")));
            }
        }
        Optional<ConfigValue> pathValue = entry.get("path");
        if (pathValue.isEmpty() || !(pathValue.get().toPlain() instanceof String path)) {
            diagnostics.error(pathValue.isEmpty() ? Code.ENV_FIELD_MISSING : Code.ENV_FIELD_TYPE,
                    pathValue.map(ConfigValue::position).orElse(entry.position()), "an import needs a `path` string");
            return Optional.empty();
        }
        Position at = pathValue.get().position();
        if (!seen.add(path)) {
            diagnostics.error(Code.ENV_DUPLICATE, at, "`" + path + "` is imported twice");
            return Optional.empty();
        }
        Optional<String> problem = ImportPaths.problemWith(path);
        ImportedFile file = problem.<ImportedFile>map(ImportedFile.Escapes::new)
                .orElse(imported.getOrDefault(path, new ImportedFile.Missing()));
        if (file instanceof ImportedFile.Escapes escapes) {
            diagnostics.add(Diagnostic.error(Code.ENV_IMPORT_ESCAPES, at,
                            "`" + path + "` cannot be imported: " + escapes.reason())
                    .withHint("imports name files inside the workspace, relative to it, such as `shared/bases.toml`"));
            return Optional.empty();
        }
        if (file instanceof ImportedFile.Missing) {
            diagnostics.add(Diagnostic.error(Code.ENV_IMPORT_NOT_FOUND, at, "`" + path + "` does not exist")
                    .withHint("paths are relative to the workspace folder, where environments.toml is"));
            return Optional.empty();
        }
        if (file instanceof ImportedFile.Unreadable unreadable) {
            diagnostics.error(Code.ENV_IMPORT_NOT_FOUND, at, "`" + path + "` cannot be read: " + unreadable.reason());
            return Optional.empty();
        }
        ImportedFile.Loaded loaded = (ImportedFile.Loaded) file;
        checkPin(entry, path, loaded.sha256());
        return TomlDocument.parse(loaded.source(), Code.ENV_TOML_SYNTAX, diagnostics).map(ConfigTrees::fromToml);
    }

    private void checkPin(ConfigTable entry, String path, String actual) {
        Optional<ConfigValue> pin = entry.get("sha256");
        if (pin.isEmpty()) {
            diagnostics.add(Diagnostic.error(Code.ENV_IMPORT_UNPINNED, entry.position(),
                            "the import of `" + path + "` has no `sha256` pin")
                    .withHint("run `storyc env freeze` to pin it to the file as it is now"));
            return;
        }
        if (!(pin.get().toPlain() instanceof String expected) || !SHA256.matcher(expected).matches()) {
            diagnostics.add(Diagnostic.error(Code.ENV_CONSTRAINT, pin.get().position(),
                            "the `sha256` of `" + path + "` is not 64 lower-case hex digits")
                    .withHint("run `storyc env freeze` to write it"));
            return;
        }
        if (!expected.equals(actual)) {
            diagnostics.add(Diagnostic.error(Code.ENV_IMPORT_PIN_MISMATCH, pin.get().position(),
                            "`" + path + "` does not match its pin: its sha256 is " + actual)
                    .withHint("review the change to `" + path + "`; if it is intended, run `storyc env freeze`"));
        }
    }
}
