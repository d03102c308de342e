package dev.storyc.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Looks for drift on the remote branch: commits storyc did not make, or a rewritten history.
 * Kept apart because it is the one rule that stops a push; it never changes anything itself.
 */
final class DriftCheck {
    /** The trailers every storyc commit carries; a commit without them is not storyc's. */
    static final List<String> TRAILERS =
            List.of("Storyc-Env-Hash", "Storyc-Release", "Storyc-Source");
    /** How far back a drift check walks through foreign commits; one is enough to stop a push. */
    private static final int MAX_FOREIGN = 1_000;

    private final OutputRepository local;
    private final RemoteFailures failures;

    DriftCheck(OutputRepository local, RemoteFailures failures) {
        this.local = local;
        this.failures = failures;
    }

    /**
     * Storyc's commits carry its trailers, and the remote must still descend from what storyc
     * last pushed there. Walking back along first parents from the remote head, every commit
     * before the first one that storyc made (or that the local branch already has) is foreign; a
     * foreign commit that was adopted once is followed by a storyc commit, so it is never
     * reported again.
     */
    Optional<Drift> find(RevWalk walk, ObjectId remoteHead, ObjectId localHead)
            throws PublishException {
        try {
            walk.reset();
            RevCommit remote = walk.parseCommit(remoteHead);
            ObjectId lastPushed = local.repository().resolve(RemoteRefs.pushed(local));
            if (lastPushed != null && local.repository().getObjectDatabase().has(lastPushed)
                    && !walk.isMergedInto(walk.parseCommit(lastPushed), remote)) {
                return Optional.of(new Drift("the remote branch no longer contains "
                        + lastPushed.name().substring(0, 12)
                        + ", which storyc pushed there: its history was rewritten",
                        List.of(describe(remote)), 1, true));
            }
            RevCommit localCommit = localHead == null ? null : walk.parseCommit(localHead);
            List<Drift.Commit> foreign = new ArrayList<>();
            int total = 0;
            for (RevCommit commit = remote; commit != null && total < MAX_FOREIGN; ) {
                walk.parseBody(commit);
                if (isStorycCommit(commit)
                        || (localCommit != null && walk.isMergedInto(commit, localCommit))) {
                    break;
                }
                total++;
                if (foreign.size() < Drift.SHOWN) {
                    foreign.add(describe(commit));
                }
                commit = commit.getParentCount() == 0 ? null
                        : walk.parseCommit(commit.getParent(0));
            }
            walk.reset();
            return total == 0 ? Optional.empty()
                    : Optional.of(new Drift("commits on the remote branch carry no storyc trailers",
                            foreign, total, false));
        } catch (IOException e) {
            throw failures.io("cannot read the commits fetched from the remote", e);
        }
    }

    static boolean isStorycCommit(RevCommit commit) {
        return TRAILERS.stream().allMatch(key -> !commit.getFooterLines(key).isEmpty());
    }

    private static Drift.Commit describe(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new Drift.Commit(commit.name(),
                author.getName() + " <" + author.getEmailAddress() + ">", commit.getShortMessage());
    }
}
