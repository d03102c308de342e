package dev.storyc.workspace;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;

/**
 * A StoryManifest is the content of a {@code story.toml}: who owns the story, why it exists, and
 * which other stories it builds on.
 */
public record StoryManifest(
        String title,
        Optional<String> owner,
        Optional<String> ticket,
        Optional<String> description,
        List<Requirement> requires) {

    /** A Requirement is one entry of {@code requires}, kept with its position for diagnostics. */
    public record Requirement(StoryId story, Position position) {}

    public StoryManifest {
        requires = List.copyOf(requires);
    }

    /** Returns the ids this story requires, in the order written. */
    public List<StoryId> requiredIds() {
        return requires.stream().map(Requirement::story).toList();
    }

    /**
     * Returns true when {@code text} can stand as a title, owner or ticket: one line without
     * control characters. A tab is only wide space; a line end or an escape sequence is what
     * breaks a table or reaches the reader's terminal.
     */
    public static boolean isOneLine(String text) {
        return text.chars().noneMatch(c -> c != '\t' && dev.storyc.diag.Printable.isControl((char) c));
    }
}
