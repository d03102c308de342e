package dev.storyc.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The content difference between two versions of one environment's output, grouped the way a
 * reviewer reads a story: by story, then by layer. Files storyc generates for the environment (the
 * model, manifest, plan, lock, README) form a group of their own.
 *
 * @param groups the story groups in story order, then the environment's own files
 */
public record OutputChanges(List<Group> groups) {
    /** How a file changed. */
    public enum Kind {
        ADDED,
        MODIFIED,
        DELETED
    }

    /** One changed file, with both versions; an empty side is a file that does not exist. */
    public record FileChange(
            String path, Kind kind, Optional<String> before, Optional<String> after) {}

    /**
     * The changed files of one story's layer, or of the environment's own files (no story, no
     * layer).
     */
    public record Group(Optional<String> story, Optional<Layer> layer, List<FileChange> files) {
        public Group {
            files = List.copyOf(files);
        }
    }

    public OutputChanges {
        groups = List.copyOf(groups);
    }

    /** Returns the changes from {@code before} to {@code after}, each a map of path to text. */
    public static OutputChanges between(Map<String, String> before, Map<String, String> after) {
        SortedMap<String, Map<Optional<Layer>, List<FileChange>>> byStory = new TreeMap<>();
        List<FileChange> environment = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            Optional<String> a = Optional.ofNullable(before.get(path));
            Optional<String> b = Optional.ofNullable(after.get(path));
            if (a.equals(b)) {
                continue;
            }
            Kind kind = a.isEmpty() ? Kind.ADDED : b.isEmpty() ? Kind.DELETED : Kind.MODIFIED;
            FileChange change = new FileChange(path, kind, a, b);
            Optional<Place> place = Place.of(path);
            if (place.isEmpty()) {
                environment.add(change);
            } else {
                byStory.computeIfAbsent(place.get().story(), k -> new TreeMap<>(LAYER_ORDER))
                        .computeIfAbsent(Optional.of(place.get().layer()), k -> new ArrayList<>())
                        .add(change);
            }
        }
        List<Group> groups = new ArrayList<>();
        byStory.forEach(
                (story, layers) ->
                        layers.forEach(
                                (layer, files) ->
                                        groups.add(new Group(Optional.of(story), layer, files))));
        if (!environment.isEmpty()) {
            groups.add(new Group(Optional.empty(), Optional.empty(), environment));
        }
        return new OutputChanges(groups);
    }

    private static final java.util.Comparator<Optional<Layer>> LAYER_ORDER =
            java.util.Comparator.comparing(layer -> layer.map(Layer::ordinal).orElse(-1));

    /** Returns every changed file, in group order. */
    public List<FileChange> files() {
        return groups.stream().flatMap(g -> g.files().stream()).toList();
    }

    /** Returns true when nothing changed. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Returns the number of files changed in each way. */
    public Map<Kind, Integer> counts() {
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, (int) files().stream().filter(f -> f.kind() == kind).count());
        }
        return counts;
    }

    /** Returns the stories that have a change, in order. */
    public List<String> stories() {
        return groups.stream().flatMap(g -> g.story().stream()).distinct().toList();
    }

    /**
     * Where an output file belongs: the story folder of its layer ({@code emit.OutputLayout} says
     * which folder each kind of story file goes to). {@code warehouse/NN-story/}
     * holds a story's schema scripts and {@code warehouse/pending-reverts/story/} the revert of a
     * story that was backed out.
     */
    record Place(String story, Layer layer) {
        static Optional<Place> of(String path) {
            String[] parts = path.split("/");
            if (parts.length < 3) {
                return Optional.empty();
            }
            return switch (parts[0]) {
                case "views", "explores" -> Optional.of(new Place(parts[1], Layer.LOOKML));
                case "dashboards" -> Optional.of(new Place(parts[1], Layer.DASHBOARDS));
                // A story's data tests prove what its ETL loaded, so they are its ETL layer, as on its page.
                case "etl", "tests" -> Optional.of(new Place(parts[1], Layer.ETL));
                case "warehouse" ->
                        parts[1].equals("pending-reverts") && parts.length >= 4
                                ? Optional.of(new Place(parts[2], Layer.WAREHOUSE))
                                : Optional.of(
                                        new Place(
                                                parts[1].replaceFirst("^\\d+-", ""),
                                                Layer.WAREHOUSE));
                default -> Optional.empty();
            };
        }
    }
}
