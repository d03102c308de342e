package dev.storyc.compile;

import dev.storyc.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds a problem found in several environments into one diagnostic. A broken join in a story is
 * found once per environment that compiles the story; printing it twelve times buries the next
 * problem, so the first is kept and a note names the other environments.
 */
public final class SameInEnvironments {
    private SameInEnvironments() {}

    /** A diagnostic and the environment whose compile found it (empty for project-wide ones). */
    public record Found(Optional<String> environment, Diagnostic diagnostic) {}

    /** Returns one diagnostic per distinct problem, in the order each was first found. */
    public static List<Diagnostic> merge(List<Found> found) {
        Map<String, List<Found>> groups = new LinkedHashMap<>();
        for (Found item : found) {
            groups.computeIfAbsent(key(item), k -> new ArrayList<>()).add(item);
        }
        List<Diagnostic> merged = new ArrayList<>();
        for (List<Found> group : groups.values()) {
            Diagnostic first = group.get(0).diagnostic();
            List<String> others = group.stream().skip(1).map(Found::environment)
                    .flatMap(Optional::stream).distinct().toList();
            merged.add(others.isEmpty() ? first : first.withRelated(first.position(),
                    "the same in environment" + (others.size() == 1 ? " " : "s ")
                            + String.join(", ", others)));
        }
        return merged;
    }

    /** Returns what the diagnostic says with its environment's name blanked out. */
    private static String key(Found item) {
        Diagnostic d = item.diagnostic();
        String text = d.code().id() + "\u0000" + d.position() + "\u0000" + d.message() + "\u0000"
                + d.hint().orElse("") + "\u0000" + d.related();
        return item.environment().map(name -> text.replace("`" + name + "`", "`\u0001`"))
                .orElse(text);
    }
}
