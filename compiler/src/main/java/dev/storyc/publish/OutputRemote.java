package dev.storyc.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * An output repository's remote: where {@code storyc push} and {@code storyc ci} send it. Every
 * push fetches first and then moves the remote branch fast-forward only, naming the commit it
 * expects there; nothing is ever forced. Commits on the remote that storyc did not make are
 * {@link Drift} and stop the push ({@link DriftCheck}). When another storyc run pushed first, the
 * local commits that were never pushed are rebuilt on the new remote head ({@link RaceRebuild})
 * and the push is tried again, a bounded number of times with a growing, jittered pause
 * ({@link PushRace}), so every distinct compile lands once and none is lost.
 */
public final class OutputRemote {
    /** How many times a push is tried when other runs keep winning the race. */
    static final int MAX_ATTEMPTS = 8;

    private final OutputRepository local;
    private final RemoteUrl url;
    private final String label;
    private final RemoteFailures failures;
    private final RemoteTransport transports;
    private final DriftCheck drift;
    private final RaceRebuild rebuild;
    private final ReleaseTagPush tags;

    /** @param label names the environment in progress lines and messages */
    public OutputRemote(OutputRepository local, RemoteUrl url, GitCredentials credentials,
            String label) {
        this.local = local;
        this.url = url;
        this.label = label;
        this.failures = new RemoteFailures(local, url, credentials, label);
        this.transports = new RemoteTransport(local, url, credentials, label, failures);
        this.drift = new DriftCheck(local, failures);
        this.rebuild = new RaceRebuild(local);
        this.tags = new ReleaseTagPush(local, label, transports, failures);
    }

    /**
     * Brings the local branch up to the remote's before a compile, so that the compile's commit
     * and its change summary build on what the remote holds. Local commits on top of the remote's
     * head stay, for this compile to build on and {@link #push} to send; local commits on an older
     * head are set aside (the reflog keeps them), since their trees carry that older history.
     * Returns the drift found, if any, in which case nothing changed.
     */
    public Optional<Drift> sync(boolean adoptDrift) throws PublishException {
        Repository repository = local.repository();
        Optional<ObjectId> remote = transports.fetch();
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = localHead();
            Optional<Drift> found = drift.find(walk, remote.get(), head);
            if (found.isPresent() && !adoptDrift) {
                return found;
            }
            RevCommit remoteCommit = walk.parseCommit(remote.get());
            boolean behind = head == null || walk.isMergedInto(walk.parseCommit(head), remoteCommit);
            // Local commits on an older head than the remote's were compiled against history the
            // remote has since moved past (back-outs it keeps pending): this compile replaces them,
            // on the remote's head. The branch's reflog keeps them.
            boolean diverged = !behind && !walk.isMergedInto(remoteCommit, walk.parseCommit(head));
            if (behind || diverged) {
                local.repairInterruptedRefresh();
                ObjectId next = remote.get();
                local.moveBranchAndRefresh(head, next,
                        () -> local.refreshWorkingTree(next),
                        diverged ? "storyc: compile again on the remote's head" : "storyc: fast-forward to the remote",
                        diverged);
                markPushed(remote.get());
            }
            return Optional.empty();
        } catch (IOException e) {
            throw failures.io("cannot update the output repository from the remote", e);
        }
    }

    /**
     * Warns when a pushed commit was compiled from a workspace with uncommitted changes ({@code
     * Storyc-Source: <id>+dirty}): the remote, which others deploy from, now holds output that no
     * commit of the workspace can rebuild. Pushing it may be meant (a developer trying a change on
     * integration), so it is said, not refused.
     */
    private void warnAboutUncommittedSources(ObjectId pushed, ObjectId remoteHead) {
        List<String> dirty = new ArrayList<>();
        try (RevWalk walk = new RevWalk(local.repository())) {
            walk.markStart(walk.parseCommit(pushed));
            if (remoteHead != null) {
                walk.markUninteresting(walk.parseCommit(remoteHead));
            }
            for (RevCommit commit : walk) {
                commit.getFooterLines("Storyc-Source").stream().filter(source -> source.endsWith("+dirty"))
                        .findFirst().ifPresent(source -> dirty.add(commit.getId().abbreviate(12).name()
                                + " (Storyc-Source: " + source + ")"));
            }
        } catch (IOException e) {
            return;
        }
        if (!dirty.isEmpty()) {
            local.progress().warn(label + ": pushed " + (dirty.size() == 1 ? "a commit" : dirty.size() + " commits")
                    + " compiled from uncommitted changes, which no commit of the workspace holds: "
                    + String.join(", ", dirty) + "; commit them, and let CI publish from the commit");
        }
    }

    /** Pushes the local branch; see the class comment for what happens on the way. */
    public PushResult push(boolean adoptDrift) throws PublishException {
        Repository repository = local.repository();
        String lastReason = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ObjectId head = localHead();
            if (head == null) {
                throw new PublishException("`" + local.directory() + "` has no branch `"
                        + local.branch() + "` to push",
                        "run `storyc compile` for `" + label + "` first");
            }
            Optional<ObjectId> remote = transports.fetch();
            ObjectId toPush = head;
            boolean rebuilt = false;
            try (RevWalk walk = new RevWalk(repository)) {
                if (remote.isPresent()) {
                    Optional<Drift> found = drift.find(walk, remote.get(), head);
                    if (found.isPresent() && !adoptDrift) {
                        return new PushResult.Drifted(found.get());
                    }
                    RevCommit remoteCommit = walk.parseCommit(remote.get());
                    if (walk.isMergedInto(walk.parseCommit(head), remoteCommit)) {
                        markPushed(remote.get());
                        tags.pushAlone(remote.get());
                        return new PushResult.UpToDate(remote.get().name());
                    }
                    if (!walk.isMergedInto(remoteCommit, walk.parseCommit(head))) {
                        toPush = rebuild.rebuildOn(walk, head, remoteCommit);
                        rebuilt = true;
                        if (toPush.equals(remote.get())) {
                            markPushed(remote.get());
                            tags.pushAlone(remote.get());
                            return new PushResult.UpToDate(remote.get().name());
                        }
                    }
                }
            } catch (IOException e) {
                throw failures.io("cannot read the output repository", e);
            }
            Sent sent;
            try {
                sent = sendPush(toPush, remote.orElse(null));
            } catch (IOException e) {
                throw failures.io("cannot read the output repository", e);
            }
            RemoteRefUpdate update = sent.branch();
            RemoteRefUpdate.Status status = update.getStatus();
            if (status == RemoteRefUpdate.Status.OK
                    || status == RemoteRefUpdate.Status.UP_TO_DATE) {
                warnAboutUncommittedSources(toPush, remote.orElse(null));
                markPushed(toPush);
                return new PushResult.Pushed(toPush.name(), attempt, rebuilt);
            }
            lastReason = reason(status, update.getMessage());
            if (!PushRace.isRace(status, update.getMessage()) && !moved(remote.orElse(null))) {
                throw new PublishException("the remote refused the push of `" + label + "` to "
                        + url.redacted() + " (" + failures.scrub(lastReason)
                        + "); nothing was forced" + said(sent.messages()), "check the remote's branch protection and"
                        + " hooks; storyc only ever fast-forwards");
            }
            if (attempt < MAX_ATTEMPTS) {
                local.progress().line(label + ": another run pushed first; fetching and trying"
                        + " again (attempt " + (attempt + 1) + " of " + MAX_ATTEMPTS + ")");
                PushRace.pause(attempt);
            }
        }
        Optional<LockFiles.Lock> remoteLock = PushRace.remoteLock(url, local);
        if (remoteLock.isPresent()) {
            throw new PublishException("the push of `" + label + "` to " + url.redacted()
                    + " was rejected " + MAX_ATTEMPTS + " times: the remote's branch is locked by "
                    + remoteLock.get().describe() + "; nothing was forced",
                    LockFiles.hint(remoteLock.get()));
        }
        throw new PublishException("the push of `" + label + "` to " + url.redacted()
                + " was rejected " + MAX_ATTEMPTS + " times (" + failures.scrub(lastReason)
                + "); the remote kept moving", "other runs are pushing to the same remote;"
                + " nothing was lost, run `storyc push` again");
    }

    /**
     * Returns true when the remote branch no longer points at {@code expected}: a rejection for
     * any reason was then a lost compare-and-swap (C git says only "failed to update ref"), not a
     * refusal.
     */
    private boolean moved(ObjectId expected) throws PublishException {
        Optional<ObjectId> now = transports.advertisedHead();
        return expected == null ? now.isPresent() : !now.map(expected::equals).orElse(false);
    }

    /** The push's status in words: JGit's enum names ({@code REJECTED_OTHER_REASON}) are no message. */
    private static String reason(RemoteRefUpdate.Status status, String message) {
        String words = switch (status) {
            case REJECTED_NONFASTFORWARD -> "not a fast-forward";
            case REJECTED_REMOTE_CHANGED -> "the remote branch changed meanwhile";
            case REJECTED_NODELETE -> "the remote refuses deletes";
            case REJECTED_OTHER_REASON -> "rejected";
            default -> status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
        return message == null || message.isBlank() ? words : words + ": " + message;
    }

    /**
     * Returns what the remote said while refusing (a hook's {@code remote:} lines, which say why),
     * as lines to append to the message; git shows them, and without them a user sees only that a
     * hook declined.
     */
    private String said(String messages) {
        if (messages.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nthe remote said:");
        messages.lines().filter(line -> !line.isBlank())
                .forEach(line -> out.append("\n  ").append(failures.scrub(line.strip())));
        return out.toString();
    }

    /** A push's update of the branch, and what the remote printed meanwhile (its {@code remote:} lines). */
    private record Sent(RemoteRefUpdate branch, String messages) {}

    private Sent sendPush(ObjectId commit, ObjectId expected)
            throws IOException, PublishException {
        String branchRef = RemoteRefs.branch(local);
        try (Transport transport = transports.open()) {
            RemoteRefUpdate update = new RemoteRefUpdate(local.repository(), branchRef, commit,
                    branchRef, false, null, expected == null ? ObjectId.zeroId() : expected);
            List<RemoteRefUpdate> updates = new ArrayList<>(List.of(update));
            List<RemoteRefUpdate> tagUpdates = tags.updates(commit);
            updates.addAll(tagUpdates);
            var result = transport.push(local.progress().monitor(label), updates);
            RemoteRefUpdate branch = result.getRemoteUpdate(branchRef);
            if (branch.getStatus() == RemoteRefUpdate.Status.OK
                    || branch.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE) {
                tags.warnAboutRefused(tagUpdates.stream()
                        .map(t -> result.getRemoteUpdate(t.getRemoteName())).toList());
            }
            return new Sent(branch, result.getMessages() == null ? "" : result.getMessages());
        } catch (TransportException e) {
            throw failures.transport("push to", e);
        } catch (NotSupportedException e) {
            throw failures.unsupported(e);
        }
    }

    private ObjectId localHead() throws PublishException {
        try {
            return local.repository().resolve(RemoteRefs.branch(local));
        } catch (IOException e) {
            throw failures.io("cannot read the output repository", e);
        }
    }

    private void markPushed(ObjectId commit) throws PublishException {
        String pushedRef = RemoteRefs.pushed(local);
        try {
            local.updateRef(pushedRef, local.repository().resolve(pushedRef), commit,
                    "storyc: pushed", true);
        } catch (IOException e) {
            throw failures.io("cannot record the push in", e);
        }
    }
}
