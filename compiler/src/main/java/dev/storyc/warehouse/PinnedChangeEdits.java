package dev.storyc.warehouse;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.workspace.SchemaChanges;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warns, offline, when a schema change that a sealed release pins has been edited in the working
 * tree. The pinned text is what acceptance deployed and production will; an edit on main would be
 * refused by {@code storyc warehouse apply} in every environment that has the change, so the
 * warning comes at {@code storyc check} time, long before any database, with the fix: add a change.
 *
 * <p>It compares the deploy templates, not rendered scripts: a change that differs only through a
 * shared partial is caught by apply's hash check instead.
 */
public final class PinnedChangeEdits {
    private PinnedChangeEdits() {}

    /** Returns one warning per edited deploy script of a pinned change. */
    public static List<Diagnostic> check(
            String release, Map<StoryId, Story> workingTree, Map<StoryId, Story> pinned) {
        List<Diagnostic> warnings = new ArrayList<>();
        for (Map.Entry<StoryId, Story> entry : pinned.entrySet()) {
            Story current = workingTree.get(entry.getKey());
            if (current == null) {
                continue;
            }
            for (SchemaChanges.Scripts scripts : SchemaChanges.of(entry.getValue().files())) {
                if (scripts.deploy().isPresent()) {
                    edited(current, scripts.deploy().get())
                            .ifPresent(file -> warnings.add(warning(release, entry.getKey(),
                                    scripts.change().name(), file, scripts.deploy().get().source().text())));
                }
            }
        }
        return warnings;
    }

    /** Returns the working tree's version of a pinned file, when its text differs. */
    private static Optional<StoryFile> edited(Story current, StoryFile pinned) {
        for (StoryFile file : current.files()) {
            if (file.storyRelativePath().equals(pinned.storyRelativePath())) {
                return file.source().text().equals(pinned.source().text())
                        ? Optional.empty()
                        : Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /**
     * The start of the first line where the working tree's text leaves the pinned one: the edit
     * the warning is about, in a script that may be hundreds of lines long.
     */
    static Position firstEditedLine(StoryFile file, String pinnedText) {
        String text = file.source().text();
        int common = 0;
        int lineStart = 0;
        int shorter = Math.min(text.length(), pinnedText.length());
        while (common < shorter && text.charAt(common) == pinnedText.charAt(common)) {
            if (text.charAt(common) == '\n') {
                lineStart = common + 1;
            }
            common++;
        }
        // Lines deleted at the end leave nothing past the common text to point at: its last line.
        if (lineStart == text.length() && lineStart > 0) {
            lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        }
        return file.source().positionOf(lineStart);
    }

    private static Diagnostic warning(String release, StoryId story, String change, StoryFile file, String pinnedText) {
        return Diagnostic.warning(Code.PINNED_CHANGE_EDITED, firstEditedLine(file, pinnedText),
                        "change `" + story + "/" + change + "` is pinned by sealed release " + release
                                + " and has been edited since")
                .withHint("environments that deployed it will refuse the new text; restore it and put"
                        + " the edit in a new change, stories/" + story
                        + "/schema/changes/NN-name/deploy.sql and revert.sql");
    }
}
