package dev.storyc.publish;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import dev.storyc.emit.BackOut;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Rebuilds local commits that lost a push race on the remote's newer head, so that every
 * distinct compile lands once and none is lost, without ever forcing the remote.
 */
final class RaceRebuild {
    private final OutputRepository local;

    RaceRebuild(OutputRepository local) {
        this.local = local;
    }

    /**
     * Rebuilds the local commits the remote lacks on top of {@code remote}, oldest first, keeping
     * each one's tree, message and author. A commit whose tree equals its new parent's is
     * dropped: another run already pushed that exact compile. Moves the local branch to the
     * result. Refuses, before it moves anything, a commit whose tree would drop reverts its new
     * parent keeps pending ({@link BackOut#lostOnRebuild}): that tree is right only on the head it
     * was compiled on.
     */
    ObjectId rebuildOn(RevWalk walk, ObjectId head, RevCommit remote)
            throws IOException, PublishException {
        walk.reset();
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(head));
        walk.markUninteresting(remote);
        List<RevCommit> unpushed = new ArrayList<>();
        for (RevCommit commit : walk) {
            unpushed.add(commit);
        }
        if (!unpushed.isEmpty()) {
            // Each later commit was compiled on the one before it, whose tree it keeps.
            refuseLostReverts(unpushed.get(0), remote);
        }
        ObjectId parent = remote;
        ObjectId parentTree = remote.getTree().getId();
        Map<ObjectId, ObjectId> moved = new HashMap<>();
        try (ObjectInserter inserter = local.repository().newObjectInserter()) {
            for (RevCommit commit : unpushed) {
                if (commit.getTree().getId().equals(parentTree)) {
                    moved.put(commit.getId(), parent);
                    continue;
                }
                CommitBuilder rebuilt = new CommitBuilder();
                rebuilt.setTreeId(commit.getTree());
                rebuilt.setParentId(parent);
                rebuilt.setAuthor(commit.getAuthorIdent());
                rebuilt.setCommitter(
                        new PersonIdent(OutputRepository.AUTHOR_TEMPLATE, Instant.now()));
                rebuilt.setMessage(commit.getFullMessage());
                parent = inserter.insert(rebuilt);
                parentTree = commit.getTree().getId();
                moved.put(commit.getId(), parent);
            }
            inserter.flush();
        }
        local.updateRef(RemoteRefs.branch(local), head, parent,
                "storyc: rebuild on the remote's head", true);
        // A release tag on a rebuilt commit moves with it, or it would name a commit no branch
        // holds.
        for (Ref tag : local.repository().getRefDatabase()
                .getRefsByPrefix(Constants.R_TAGS + "release/")) {
            ObjectId target = moved.get(tag.getObjectId());
            if (target != null) {
                local.updateRef(tag.getName(), tag.getObjectId(), target,
                        "storyc: tag follows its rebuilt commit", true);
            }
        }
        return parent;
    }

    private void refuseLostReverts(RevCommit commit, ObjectId parent) throws PublishException {
        SortedSet<String> lost = BackOut.lostOnRebuild(CommitFiles.asPreviousOutput(local.repository(), commit),
                CommitFiles.asPreviousOutput(local.repository(), parent));
        if (!lost.isEmpty()) {
            throw new PublishException("the remote's branch moved on since commit "
                    + commit.getId().abbreviate(12).name() + " of `" + local.directory() + "` was compiled:"
                    + " its head " + parent.abbreviate(12).name() + " holds the schema changes of "
                    + String.join(", ", lost) + ", which that compile never saw, so pushing it as it is"
                    + " would drop their reverts; nothing was pushed",
                    "compile on the remote's head and push: `storyc ci` fetches each remote before it"
                            + " compiles");
        }
    }
}
