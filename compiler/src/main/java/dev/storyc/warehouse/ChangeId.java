package dev.storyc.warehouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable name of one schema change: its story and the change's name within the story, written
 * {@code story/change} (such as {@code lab-results/add-units}). It never changes once deployed: the
 * registry, the output paths ({@code warehouse/<story>/<change>/}) and messages all use it, so that
 * promoting a release does not rename anything a deployer keys on.
 */
public record ChangeId(String story, String change) implements Comparable<ChangeId> {
    /** A change name: lower case letters, digits and dashes, as story ids are. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public ChangeId {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(change, "change");
    }

    /** Parses {@code story/change}; returns null when the text is not one. */
    public static ChangeId parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash != text.lastIndexOf('/') || slash == text.length() - 1) {
            return null;
        }
        return new ChangeId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public int compareTo(ChangeId other) {
        int byStory = story.compareTo(other.story);
        return byStory != 0 ? byStory : change.compareTo(other.change);
    }

    @Override
    public String toString() {
        return story + "/" + change;
    }
}
