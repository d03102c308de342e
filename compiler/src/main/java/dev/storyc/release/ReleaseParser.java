package dev.storyc.release;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.toml.TomlDocument;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Reads a release manifest: {@code stories = ["id", ...]} and an optional {@code [pins]} table. */
public final class ReleaseParser {
    private static final Set<String> FIELDS = Set.of("stories", "pins", "description");

    private ReleaseParser() {}

    public static Optional<ReleaseManifest> parse(String name, SourceFile source, Diagnostics diagnostics) {
        Optional<TomlDocument> parsed = TomlDocument.parse(source, Code.RELEASE_TOML_SYNTAX, diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        TomlDocument doc = parsed.get();
        TomlTable root = doc.root();
        int before = diagnostics.size();
        doc.rejectUnknownKeys(root, FIELDS, Code.RELEASE_FIELD_TYPE, "a release manifest",
                "a release has `stories` and, once sealed, [pins]", diagnostics);
        List<ReleaseManifest.Entry> stories = new ArrayList<>();
        if (!root.isArray("stories")) {
            diagnostics.add(Diagnostic.error(Code.RELEASE_FIELD_TYPE,
                            root.contains("stories") ? doc.positionOf(root, "stories") : doc.filePosition(),
                            "a release needs `stories = [...]`, a list of story ids")
                    .withHint("write `stories = [\"patients\", \"encounters\"]`"));
        } else {
            TomlArray array = root.getArray("stories");
            Map<StoryId, Position> seen = new HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                Position at = doc.positionOf(array, i);
                if (!(array.get(i) instanceof String id) || !StoryId.isValid(id)) {
                    Object value = array.get(i);
                    // A list or table would print as a Java object name.
                    String message = value instanceof TomlArray || value instanceof TomlTable
                            ? "a release entry must be a story id, not a "
                                    + (value instanceof TomlArray ? "list" : "table")
                            : "release entry `" + value + "` is not a story id";
                    diagnostics.add(Diagnostic.error(Code.RELEASE_FIELD_TYPE, at, message)
                            .withHint("story ids match [a-z][a-z0-9-]*"));
                    continue;
                }
                StoryId story = new StoryId(id);
                if (seen.containsKey(story)) {
                    diagnostics.add(Diagnostic.error(Code.RELEASE_DUPLICATE_STORY, at,
                                    "release `" + name + "` lists `" + id + "` twice")
                            .withRelated(seen.get(story), "first listed here")
                            .withHint("delete one of the two lines"));
                    continue;
                }
                seen.put(story, at);
                stories.add(new ReleaseManifest.Entry(story, at));
            }
        }
        Map<StoryId, String> pins = new TreeMap<>();
        Map<StoryId, Position> pinPositions = new TreeMap<>();
        if (root.contains("pins")) {
            if (!root.isTable("pins")) {
                diagnostics.error(Code.RELEASE_FIELD_TYPE, doc.positionOf(root, "pins"), "`pins` must be a table");
            } else {
                TomlTable table = root.getTable("pins");
                for (String key : table.keySet()) {
                    Object tree = table.get(List.of(key));
                    if (!StoryId.isValid(key) || !(tree instanceof String id) || !id.matches("[0-9a-f]{40}")) {
                        diagnostics.error(Code.RELEASE_FIELD_TYPE, doc.positionOf(table, key),
                                "pin `" + key + "` must map a story id to a 40-digit git tree id");
                        continue;
                    }
                    pins.put(new StoryId(key), id);
                    pinPositions.put(new StoryId(key), doc.positionOf(table, key));
                }
            }
        }
        if (diagnostics.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseManifest(name, source.path(), stories, pins, pinPositions,
                root.isTable("pins")));
    }
}
