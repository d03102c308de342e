package dev.storyc.release;

import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The difference between two releases: stories that come in, stories that go out, and, for stories
 * in both, the files that differ between the two versions (each release's pin, or the working tree
 * when a release is not sealed).
 */
public record ReleaseDiff(List<StoryId> added, List<StoryId> removed, Map<StoryId, List<FileChange>> changed) {

    /** One file of a story that differs: added (A), modified (M) or deleted (D). */
    public record FileChange(char kind, String path) {}

    public ReleaseDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = java.util.Collections.unmodifiableMap(new TreeMap<>(changed));
    }

    /**
     * Returns the diff from {@code from} to {@code to}.
     *
     * @param files a story's files in a release, as path to text
     */
    public static ReleaseDiff between(ReleaseManifest from, ReleaseManifest to,
            BiFunction<ReleaseManifest, StoryId, Map<String, String>> files) {
        List<StoryId> before = from.stories().stream().map(ReleaseManifest.Entry::story).toList();
        List<StoryId> after = to.stories().stream().map(ReleaseManifest.Entry::story).toList();
        List<StoryId> added = after.stream().filter(id -> !before.contains(id)).toList();
        List<StoryId> removed = before.stream().filter(id -> !after.contains(id)).toList();
        Map<StoryId, List<FileChange>> changed = new TreeMap<>();
        for (StoryId id : after) {
            if (!before.contains(id)) {
                continue;
            }
            String pinFrom = from.pins().get(id);
            String pinTo = to.pins().get(id);
            if (pinFrom != null && pinFrom.equals(pinTo)) {
                continue;
            }
            List<FileChange> changes = compare(files.apply(from, id), files.apply(to, id));
            if (!changes.isEmpty()) {
                changed.put(id, changes);
            }
        }
        return new ReleaseDiff(added, removed, changed);
    }

    private static List<FileChange> compare(Map<String, String> a, Map<String, String> b) {
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            if (!a.containsKey(path)) {
                changes.add(new FileChange('A', path));
            } else if (!b.containsKey(path)) {
                changes.add(new FileChange('D', path));
            } else if (!a.get(path).equals(b.get(path))) {
                changes.add(new FileChange('M', path));
            }
        }
        return changes;
    }
}
