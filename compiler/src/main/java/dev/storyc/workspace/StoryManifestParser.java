package dev.storyc.workspace;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.toml.TomlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Reads a {@code story.toml}. Records are closed, so an unknown key is an error, not a silent no-op. */
public final class StoryManifestParser {
    private static final Set<String> FIELDS = Set.of("title", "owner", "ticket", "description", "requires");

    private StoryManifestParser() {}

    /**
     * Returns the manifest as {@link #parse(SourceFile, Diagnostics)} does, taking it from {@code
     * memo} when an earlier run parsed the same path and text, and remembering it there when it
     * parses without a diagnostic.
     */
    public static Optional<StoryManifest> parse(SourceFile source, Diagnostics diagnostics,
            ManifestMemo memo) {
        String key = Sha256.parts().add("story-manifest-1").add(source.path()).add(source.text())
                .hex();
        Optional<StoryManifest> known = memo.recall(key);
        if (known.isPresent()) {
            return known;
        }
        int before = diagnostics.size();
        Optional<StoryManifest> parsed = parse(source, diagnostics);
        if (parsed.isPresent() && diagnostics.size() == before) {
            memo.remember(key, parsed.get());
        }
        return parsed;
    }

    /** Returns the manifest, or empty when it has errors (which are added to {@code diagnostics}). */
    public static Optional<StoryManifest> parse(SourceFile source, Diagnostics diagnostics) {
        Optional<TomlDocument> parsed = TomlDocument.parse(source, Code.STORY_TOML_SYNTAX, diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        TomlDocument doc = parsed.get();
        TomlTable root = doc.root();
        int before = diagnostics.size();

        doc.rejectUnknownKeys(root, FIELDS, Code.STORY_UNKNOWN_FIELD, "story.toml",
                "the fields are title, owner, ticket, description and requires", diagnostics);
        Optional<String> title = string(doc, root, "title", diagnostics);
        if (root.get(List.of("title")) == null) {
            diagnostics.add(Diagnostic.error(Code.STORY_FIELD_MISSING, doc.filePosition(),
                            "story.toml has no `title`")
                    .withHint("add a line such as `title = \"Patients: one row per patient\"`"));
        }
        Optional<String> owner = string(doc, root, "owner", diagnostics);
        Optional<String> ticket = string(doc, root, "ticket", diagnostics);
        oneLine(doc, root, "title", title, diagnostics);
        oneLine(doc, root, "owner", owner, diagnostics);
        oneLine(doc, root, "ticket", ticket, diagnostics);
        Optional<String> description = string(doc, root, "description", diagnostics);
        List<StoryManifest.Requirement> requires = requires(doc, root, diagnostics);

        if (diagnostics.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new StoryManifest(title.orElseThrow(), owner, ticket, description, requires));
    }

    /**
     * Returns a top-level string field. Keys are looked up as one-element paths, not as text:
     * tomlj reads a text key as a dotted key, starting a parser of its TOML grammar on every call.
     * With paths, {@code storyc story list} over 1,000 stories took 0.639 s instead of 0.658 s.
     */
    private static Optional<String> string(TomlDocument doc, TomlTable root, String key, Diagnostics diagnostics) {
        Object value = root.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            diagnostics.error(Code.STORY_FIELD_TYPE, doc.positionOf(root, key), "`" + key + "` must be a string");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * Refuses a control character but a tab in a field printed on one line: tables in the terminal and the
     * output's README, and the site. A newline breaks them, and an escape sequence would recolour
     * or clear the reader's terminal.
     */
    private static void oneLine(TomlDocument doc, TomlTable root, String key, Optional<String> value,
            Diagnostics diagnostics) {
        if (value.isPresent() && !StoryManifest.isOneLine(value.get())) {
            diagnostics.add(Diagnostic.error(Code.STORY_FIELD_TYPE, doc.positionOf(root, key),
                            "`" + key + "` must be one line of text, without control characters: it is "
                                    + dev.storyc.diag.Printable.escaped(value.get()))
                    .withHint("write it on one line; put longer text in `description`"));
        }
    }

    private static List<StoryManifest.Requirement> requires(TomlDocument doc, TomlTable root, Diagnostics diagnostics) {
        List<StoryManifest.Requirement> result = new ArrayList<>();
        Object value = root.get(List.of("requires"));
        if (value == null) {
            return result;
        }
        if (!(value instanceof TomlArray array)) {
            diagnostics.error(Code.STORY_FIELD_TYPE, doc.positionOf(root, "requires"),
                    "`requires` must be a list of story ids");
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            Object element = array.get(i);
            if (!(element instanceof String id) || !StoryId.isValid(id)) {
                diagnostics.add(Diagnostic.error(Code.STORY_FIELD_TYPE, doc.positionOf(array, i),
                                "`requires` entry " + render(element) + " is not a story id")
                        .withHint("story ids match [a-z][a-z0-9-]*, such as \"patients\""));
                continue;
            }
            java.util.Optional<StoryManifest.Requirement> first = result.stream()
                    .filter(r -> r.story().value().equals(id)).findFirst();
            if (first.isPresent()) {
                // Harmless to the order, but a merge that doubled the line hides a conflict (round 18).
                diagnostics.add(Diagnostic.error(Code.STORY_FIELD_TYPE, doc.positionOf(array, i),
                                "`requires` names `" + id + "` twice")
                        .withHint("remove one of them")
                        .withRelated(first.get().position(), "it is first named here"));
                continue;
            }
            result.add(new StoryManifest.Requirement(new StoryId(id), doc.positionOf(array, i)));
        }
        return result;
    }

    private static String render(Object value) {
        return value instanceof String s ? "`\"" + s + "\"`" : "`" + value + "`";
    }
}
