package dev.storyc.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a compile changes in an output repository, story by story, compared with the lock of the
 * previous compile. It feeds the commit message and the command's summary line.
 */
public record ChangeSummary(List<String> added, List<String> removed, List<String> changed) {

    public ChangeSummary {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** Returns the difference between the previous lock (absent for a first compile) and the next. */
    public static ChangeSummary between(Optional<LockFile> previous, LockFile next) {
        Map<String, String> before = previous.<Map<String, String>>map(LockFile::stories).orElse(Map.of());
        Map<String, String> after = next.stories();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> entry : after.entrySet()) {
            String old = before.get(entry.getKey());
            if (old == null) {
                added.add(entry.getKey());
            } else if (!old.equals(entry.getValue())) {
                changed.add(entry.getKey());
            }
        }
        before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().forEach(removed::add);
        return new ChangeSummary(added, removed, changed);
    }

    /**
     * Returns a short account such as "2 added, 1 removed, 0 changed", naming the stories that left
     * a release: "backed out: care-gaps".
     */
    public String describe(boolean releaseBased) {
        String account = added.size() + " added, " + removed.size() + (releaseBased ? " backed out, " : " removed, ")
                + changed.size() + " changed";
        return releaseBased && !removed.isEmpty() ? account + "; backed out: " + String.join(", ", removed) : account;
    }
}
