package dev.storyc.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * Sends a release's {@code release/*} tags to the remote with (or after) its branch. Kept apart
 * because tags follow different rules from the branch: a refused tag is only a warning. Tags are
 * never forced: they never move ({@link ReleaseTags}), and a remote tag that names another commit
 * is another run's, kept, and reported.
 */
final class ReleaseTagPush {
    private final OutputRepository local;
    private final String label;
    private final RemoteTransport transports;
    private final RemoteFailures failures;

    ReleaseTagPush(OutputRepository local, String label, RemoteTransport transports,
            RemoteFailures failures) {
        this.local = local;
        this.label = label;
        this.transports = transports;
        this.failures = failures;
    }

    /**
     * Returns updates for the {@code release/*} tags on commits that {@code tip} contains, so
     * that a release's tags reach the remote with the branch.
     */
    List<RemoteRefUpdate> updates(ObjectId tip) throws IOException {
        Repository repository = local.repository();
        List<RemoteRefUpdate> updates = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(tip);
            for (Ref tag : repository.getRefDatabase()
                    .getRefsByPrefix(Constants.R_TAGS + "release/")) {
                ObjectId target = tag.getObjectId();
                if (target != null && repository.getObjectDatabase().has(target)
                        && walk.isMergedInto(walk.parseCommit(target), head)) {
                    // Created, never updated: a remote tag that names another commit is refused
                    // (and warned about) rather than moved, which JGit would otherwise allow
                    // whenever the new commit descends from the old, as it does for a release.
                    updates.add(new RemoteRefUpdate(repository, tag.getName(), target,
                            tag.getName(), false, null, ObjectId.zeroId()));
                }
            }
        }
        return updates;
    }

    /** Pushes the release tags when the branch itself is already up to date on the remote. */
    void pushAlone(ObjectId tip) throws PublishException {
        try (Transport transport = transports.open()) {
            List<RemoteRefUpdate> tags = updates(tip);
            if (!tags.isEmpty()) {
                var result = transport.push(local.progress().monitor(label), tags);
                warnAboutRefused(
                        tags.stream().map(t -> result.getRemoteUpdate(t.getRemoteName())).toList());
            }
        } catch (TransportException e) {
            throw failures.transport("push tags to", e);
        } catch (NotSupportedException e) {
            throw failures.unsupported(e);
        } catch (IOException e) {
            throw failures.io("cannot read the output repository", e);
        }
    }

    /**
     * A refused tag does not undo a pushed branch: it is a warning, and the next push tries
     * again.
     */
    void warnAboutRefused(List<RemoteRefUpdate> tags) {
        for (RemoteRefUpdate tag : tags) {
            if (tag != null && tag.getStatus() != RemoteRefUpdate.Status.OK
                    && tag.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                String name = tag.getRemoteName().substring(Constants.R_TAGS.length());
                if (tag.getStatus() == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
                    // Pushed create-only: the remote has the tag already, on another commit.
                    local.progress().warn(label + ": the remote already has tag " + name + " on another"
                            + " commit, and tags never move, so it was not pushed; the next compile of the"
                            + " release numbers its tag after the remote's");
                    continue;
                }
                local.progress().warn(label + ": the remote refused tag " + name + " ("
                        + tag.getStatus()
                        + (tag.getMessage() == null ? "" : ": " + failures.scrub(tag.getMessage()))
                        + ")");
            }
        }
    }
}
