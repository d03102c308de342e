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
    public static List<Diagnostic> check(String release, Map<StoryId, Story> workingTree, Map<StoryId, Story> pinned) {
        List<Diagnostic> warnings = new ArrayList<>();
        pinned.forEach((id, pinnedStory) -> {
            Story current = workingTree.get(id);
            if (current == null) {
                return;
            }
            for (SchemaChanges.Scripts scripts : SchemaChanges.of(pinnedStory.files())) {
                if (scripts.deploy().isEmpty()) {
                    continue;
                }
                StoryFile before = scripts.deploy().get();
                current.files().stream()
                        .filter(file -> file.storyRelativePath().equals(before.storyRelativePath()))
                        .filter(file -> !file.source().text().equals(before.source().text()))
                        .findFirst()
                        .ifPresent(edited -> warnings.add(Diagnostic.warning(Code.PINNED_CHANGE_EDITED,
                                        Position.ofFile(edited.source().path()),
                                        "change `" + id + "/" + scripts.change().name() + "` is pinned by sealed"
                                                + " release " + release + " and has been edited since")
                                .withHint("environments that deployed it will refuse the new text; restore it and"
                                        + " put the edit in a new change, stories/" + id
                                        + "/schema/changes/NN-name/deploy.sql and revert.sql")));
            }
        });
        return warnings;
    }
}
