package dev.storyc.publish;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * An output repository's remote: where {@code storyc push} and {@code storyc ci} send it. Every
 * push fetches first and then moves the remote branch fast-forward only, naming the commit it
 * expects there; nothing is ever forced. Commits on the remote that storyc did not make are
 * {@link Drift} and stop the push. When another storyc run pushed first, the local commits that
 * were never pushed are rebuilt on the new remote head (same trees, new parents; a commit whose
 * tree the remote already has is dropped) and the push is tried again, a bounded number of times
 * with a growing, jittered pause, so every distinct compile lands once and none is lost.
 */
public final class OutputRemote {
    /** How many times a push is tried when other runs keep winning the race. */
    static final int MAX_ATTEMPTS = 8;
    /** The trailers every storyc commit carries; a commit without them is not storyc's. */
    static final List<String> TRAILERS = List.of("Storyc-Env-Hash", "Storyc-Release", "Storyc-Source");
    private static final int TIMEOUT_SECONDS = 120;
    /** How far back a drift check walks through foreign commits; one is enough to stop a push. */
    private static final int MAX_FOREIGN = 1_000;

    private final OutputRepository local;
    private final RemoteUrl url;
    private final GitCredentials credentials;
    private final String label;

    /** @param label names the environment in progress lines and messages */
    public OutputRemote(OutputRepository local, RemoteUrl url, GitCredentials credentials, String label) {
        this.local = local;
        this.url = url;
        this.credentials = credentials;
        this.label = label;
    }

    /**
     * Brings the local branch up to the remote's before a compile, so that the compile's commit
     * and its change summary build on what the remote holds. The local branch only ever moves
     * fast-forward here; local commits the remote lacks stay, and {@link #push} rebuilds them.
     * Returns the drift found, if any, in which case nothing changed.
     */
    public Optional<Drift> sync(boolean adoptDrift) throws PublishException {
        Repository repository = local.repository();
        Optional<ObjectId> remote = fetch();
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = localHead();
            Optional<Drift> drift = findDrift(walk, remote.get(), head);
            if (drift.isPresent() && !adoptDrift) {
                return drift;
            }
            if (head == null || walk.isMergedInto(walk.parseCommit(head), walk.parseCommit(remote.get()))) {
                ObjectId oldTree = head == null ? null : walk.parseCommit(head).getTree().getId();
                local.repairInterruptedRefresh();
                ObjectId newTree = walk.parseCommit(remote.get()).getTree().getId();
                local.moveBranchAndRefresh(head, remote.get(), () -> local.refreshWorkingTree(oldTree, newTree),
                        "storyc: fast-forward to the remote", false);
                markPushed(remote.get());
            }
            return Optional.empty();
        } catch (IOException e) {
            throw ioFailure("cannot update the output repository from the remote", e);
        }
    }

    /** Pushes the local branch; see the class comment for what happens on the way. */
    public PushResult push(boolean adoptDrift) throws PublishException {
        Repository repository = local.repository();
        String lastReason = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ObjectId head = localHead();
            if (head == null) {
                throw new PublishException("`" + local.directory() + "` has no branch `" + local.branch()
                        + "` to push", "run `storyc compile` for `" + label + "` first");
            }
            Optional<ObjectId> remote = fetch();
            ObjectId toPush = head;
            boolean rebuilt = false;
            try (RevWalk walk = new RevWalk(repository)) {
                if (remote.isPresent()) {
                    Optional<Drift> drift = findDrift(walk, remote.get(), head);
                    if (drift.isPresent() && !adoptDrift) {
                        return new PushResult.Drifted(drift.get());
                    }
                    RevCommit remoteCommit = walk.parseCommit(remote.get());
                    if (walk.isMergedInto(walk.parseCommit(head), remoteCommit)) {
                        markPushed(remote.get());
                        pushTagsAlone(remote.get());
                        return new PushResult.UpToDate(remote.get().name());
                    }
                    if (!walk.isMergedInto(remoteCommit, walk.parseCommit(head))) {
                        toPush = rebuildOn(walk, head, remoteCommit);
                        rebuilt = true;
                        if (toPush.equals(remote.get())) {
                            markPushed(remote.get());
                            pushTagsAlone(remote.get());
                            return new PushResult.UpToDate(remote.get().name());
                        }
                    }
                }
            } catch (IOException e) {
                throw ioFailure("cannot read the output repository", e);
            }
            RemoteRefUpdate.Status status;
            RemoteRefUpdate update;
            try {
                update = sendPush(toPush, remote.orElse(null));
                status = update.getStatus();
            } catch (IOException e) {
                throw ioFailure("cannot read the output repository", e);
            }
            if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
                markPushed(toPush);
                return new PushResult.Pushed(toPush.name(), attempt, rebuilt);
            }
            lastReason = status + (update.getMessage() == null ? "" : ": " + update.getMessage());
            if (!isRace(status, update.getMessage()) && !moved(remote.orElse(null))) {
                throw new PublishException("the remote refused the push of `" + label + "` to " + url.redacted()
                        + " (" + scrub(lastReason) + "); nothing was forced",
                        "check the remote's branch protection and hooks; storyc only ever fast-forwards");
            }
            if (attempt < MAX_ATTEMPTS) {
                local.progress().line(label + ": another run pushed first; fetching and trying again"
                        + " (attempt " + (attempt + 1) + " of " + MAX_ATTEMPTS + ")");
                pause(attempt);
            }
        }
        Optional<LockFiles.Lock> remoteLock = remoteLock();
        if (remoteLock.isPresent()) {
            throw new PublishException("the push of `" + label + "` to " + url.redacted() + " was rejected "
                    + MAX_ATTEMPTS + " times: the remote's branch is locked by " + remoteLock.get().describe()
                    + "; nothing was forced", LockFiles.hint(remoteLock.get()));
        }
        throw new PublishException("the push of `" + label + "` to " + url.redacted() + " was rejected "
                + MAX_ATTEMPTS + " times (" + scrub(lastReason) + "); the remote kept moving",
                "other runs are pushing to the same remote; nothing was lost, run `storyc push` again");
    }

    /**
     * Returns the lock on the remote branch when the remote is a folder storyc can look into. It is
     * only ever explained, never removed: storyc does not own the remote.
     */
    private Optional<LockFiles.Lock> remoteLock() {
        if (!url.raw().startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(new URI(url.raw()));
            Path gitDir = Files.isDirectory(folder.resolve(".git")) ? folder.resolve(".git") : folder;
            return LockFiles.of(gitDir.resolve(branchRef()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns true when the remote branch no longer points at {@code expected}: a rejection for any
     * reason was then a lost compare-and-swap (C git says only "failed to update ref"), not a refusal.
     */
    private boolean moved(ObjectId expected) throws PublishException {
        Optional<ObjectId> now = advertisedHead();
        return expected == null ? now.isPresent() : !now.map(expected::equals).orElse(false);
    }

    /** Returns {@code text} without the token, the URL's user-info, or any URL's user-info. */
    private String scrub(String text) {
        return credentials.scrub(url.scrub(text));
    }

    private static boolean isRace(RemoteRefUpdate.Status status, String message) {
        return switch (status) {
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> true;
            case REJECTED_OTHER_REASON -> message != null && (message.toLowerCase(Locale.ROOT).contains("lock")
                    || message.toLowerCase(Locale.ROOT).contains("stale")
                    || message.toLowerCase(Locale.ROOT).contains("fetch first"));
            default -> false;
        };
    }

    private static void pause(int attempt) {
        long base = Math.min(2_000L, 50L << attempt);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Rebuilds the local commits the remote lacks on top of {@code remote}, oldest first, keeping
     * each one's tree, message and author. A commit whose tree equals its new parent's is dropped:
     * another run already pushed that exact compile. Moves the local branch to the result.
     */
    private ObjectId rebuildOn(RevWalk walk, ObjectId head, RevCommit remote) throws IOException, PublishException {
        walk.reset();
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(head));
        walk.markUninteresting(remote);
        List<RevCommit> unpushed = new ArrayList<>();
        for (RevCommit commit : walk) {
            unpushed.add(commit);
        }
        ObjectId parent = remote;
        ObjectId parentTree = remote.getTree().getId();
        java.util.Map<ObjectId, ObjectId> moved = new java.util.HashMap<>();
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
                rebuilt.setCommitter(new PersonIdent(OutputRepository.AUTHOR_TEMPLATE, Instant.now()));
                rebuilt.setMessage(commit.getFullMessage());
                parent = inserter.insert(rebuilt);
                parentTree = commit.getTree().getId();
                moved.put(commit.getId(), parent);
            }
            inserter.flush();
        }
        local.updateRef(branchRef(), head, parent, "storyc: rebuild on the remote's head", true);
        // A release tag on a rebuilt commit moves with it, or it would name a commit no branch holds.
        for (Ref tag : local.repository().getRefDatabase().getRefsByPrefix(Constants.R_TAGS + "release/")) {
            ObjectId target = moved.get(tag.getObjectId());
            if (target != null) {
                local.updateRef(tag.getName(), tag.getObjectId(), target, "storyc: tag follows its rebuilt commit",
                        true);
            }
        }
        return parent;
    }

    /**
     * Looks for drift on the remote branch. Storyc's commits carry its trailers, and the remote
     * must still descend from what storyc last pushed there. Walking back along first parents from
     * the remote head, every commit before the first one that storyc made (or that the local branch
     * already has) is foreign; a foreign commit that was adopted once is followed by a storyc
     * commit, so it is never reported again.
     */
    private Optional<Drift> findDrift(RevWalk walk, ObjectId remoteHead, ObjectId localHead) throws PublishException {
        try {
            walk.reset();
            RevCommit remote = walk.parseCommit(remoteHead);
            ObjectId lastPushed = local.repository().resolve(pushedRef());
            if (lastPushed != null && local.repository().getObjectDatabase().has(lastPushed)
                    && !walk.isMergedInto(walk.parseCommit(lastPushed), remote)) {
                return Optional.of(new Drift("the remote branch no longer contains " + lastPushed.name().substring(0, 12)
                        + ", which storyc pushed there: its history was rewritten", List.of(describe(remote)), 1));
            }
            RevCommit localCommit = localHead == null ? null : walk.parseCommit(localHead);
            List<Drift.Commit> foreign = new ArrayList<>();
            int total = 0;
            for (RevCommit commit = remote; commit != null && total < MAX_FOREIGN; ) {
                walk.parseBody(commit);
                if (isStorycCommit(commit) || (localCommit != null && walk.isMergedInto(commit, localCommit))) {
                    break;
                }
                total++;
                if (foreign.size() < Drift.SHOWN) {
                    foreign.add(describe(commit));
                }
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            walk.reset();
            return total == 0 ? Optional.empty()
                    : Optional.of(new Drift("commits on the remote branch carry no storyc trailers", foreign, total));
        } catch (IOException e) {
            throw ioFailure("cannot read the commits fetched from the remote", e);
        }
    }

    static boolean isStorycCommit(RevCommit commit) {
        return TRAILERS.stream().allMatch(key -> !commit.getFooterLines(key).isEmpty());
    }

    private static Drift.Commit describe(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new Drift.Commit(commit.name(), author.getName() + " <" + author.getEmailAddress() + ">",
                commit.getShortMessage());
    }

    /** Fetches the remote branch into storyc's tracking ref; returns its commit, empty when it does not exist. */
    private Optional<ObjectId> fetch() throws PublishException {
        Optional<ObjectId> advertised = advertisedHead();
        if (advertised.isEmpty()) {
            return advertised;
        }
        try (Transport transport = open()) {
            transport.fetch(local.progress().monitor(label),
                    List.of(new RefSpec("+" + branchRef() + ":" + trackingRef())));
            return advertised;
        } catch (TransportException e) {
            throw transportFailure("fetch from", e);
        } catch (NotSupportedException e) {
            throw unsupported(e);
        }
    }

    /** Returns the commit the remote branch points at now, without fetching it. */
    private Optional<ObjectId> advertisedHead() throws PublishException {
        try (Transport transport = open(); FetchConnection connection = transport.openFetch()) {
            Ref advertised = connection.getRef(branchRef());
            return Optional.ofNullable(advertised).map(Ref::getObjectId);
        } catch (TransportException e) {
            throw transportFailure("fetch from", e);
        } catch (NotSupportedException e) {
            throw unsupported(e);
        }
    }

    private RemoteRefUpdate sendPush(ObjectId commit, ObjectId expected) throws IOException, PublishException {
        try (Transport transport = open()) {
            RemoteRefUpdate update = new RemoteRefUpdate(local.repository(), branchRef(), commit, branchRef(),
                    false, null, expected == null ? ObjectId.zeroId() : expected);
            List<RemoteRefUpdate> updates = new ArrayList<>(List.of(update));
            List<RemoteRefUpdate> tags = tagUpdates(commit);
            updates.addAll(tags);
            var result = transport.push(local.progress().monitor(label), updates);
            RemoteRefUpdate branch = result.getRemoteUpdate(branchRef());
            if (branch.getStatus() == RemoteRefUpdate.Status.OK
                    || branch.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE) {
                warnAboutRefusedTags(tags.stream().map(t -> result.getRemoteUpdate(t.getRemoteName())).toList());
            }
            return branch;
        } catch (TransportException e) {
            throw transportFailure("push to", e);
        } catch (NotSupportedException e) {
            throw unsupported(e);
        }
    }

    /**
     * Returns updates for the {@code release/*} tags on commits that {@code tip} contains, so that a
     * release's tag reaches the remote with the branch. A tag follows a release's newest compile
     * (see {@link OutputRepository#tag}), so it is updated even when the remote has an older one.
     */
    private List<RemoteRefUpdate> tagUpdates(ObjectId tip) throws IOException {
        Repository repository = local.repository();
        List<RemoteRefUpdate> updates = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(tip);
            for (Ref tag : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + "release/")) {
                ObjectId target = tag.getObjectId();
                if (target != null && repository.getObjectDatabase().has(target)
                        && walk.isMergedInto(walk.parseCommit(target), head)) {
                    updates.add(new RemoteRefUpdate(repository, tag.getName(), target, tag.getName(), true, null,
                            null));
                }
            }
        }
        return updates;
    }

    /** Pushes the release tags when the branch itself is already up to date on the remote. */
    private void pushTagsAlone(ObjectId tip) throws PublishException {
        try (Transport transport = open()) {
            List<RemoteRefUpdate> tags = tagUpdates(tip);
            if (!tags.isEmpty()) {
                var result = transport.push(local.progress().monitor(label), tags);
                warnAboutRefusedTags(tags.stream().map(t -> result.getRemoteUpdate(t.getRemoteName())).toList());
            }
        } catch (TransportException e) {
            throw transportFailure("push tags to", e);
        } catch (NotSupportedException e) {
            throw unsupported(e);
        } catch (IOException e) {
            throw ioFailure("cannot read the output repository", e);
        }
    }

    /** A refused tag does not undo a pushed branch: it is a warning, and the next push tries again. */
    private void warnAboutRefusedTags(List<RemoteRefUpdate> tags) {
        for (RemoteRefUpdate tag : tags) {
            if (tag != null && tag.getStatus() != RemoteRefUpdate.Status.OK
                    && tag.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                local.progress().warn(label + ": the remote refused tag "
                        + tag.getRemoteName().substring(Constants.R_TAGS.length()) + " (" + tag.getStatus()
                        + (tag.getMessage() == null ? "" : ": " + scrub(tag.getMessage())) + ")");
            }
        }
    }

    private Transport open() throws NotSupportedException, TransportException, PublishException {
        URIish uri;
        try {
            uri = new URIish(url.raw());
        } catch (URISyntaxException e) {
            throw new PublishException("`" + url.redacted() + "` is not a git remote address",
                    "use file://, git://, http(s)://, ssh:// or user@host:path");
        }
        Transport transport = Transport.open(local.repository(), uri);
        transport.setTimeout(TIMEOUT_SECONDS);
        if (transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(SshClient.FACTORY);
        }
        if (url.isHttp() && credentials.token().isPresent()) {
            transport.setCredentialsProvider(new UsernamePasswordCredentialsProvider(
                    url.user().orElse(GitCredentials.DEFAULT_TOKEN_USER), credentials.token().get()));
        }
        return transport;
    }

    private PublishException transportFailure(String verb, TransportException e) {
        String message = scrub(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("not authorized") || lower.contains("authentication") || lower.contains("401")
                || lower.contains("403") || lower.contains("auth fail")) {
            String hint = url.isHttp()
                    ? (credentials.token().isPresent()
                            ? "the token in $" + credentials.tokenVariable() + " was refused; check that it is current and may write to this repository"
                            : "set $" + credentials.tokenVariable() + " to a token that may write to this repository")
                    : "check that your SSH key is loaded (ssh-add -l) and allowed to write to this repository";
            return new PublishException("the remote " + url.redacted() + " refused storyc's credentials for `"
                    + label + "`; nothing was pushed", hint, null);
        }
        return new PublishException("cannot " + verb + " the remote " + url.redacted() + " of `" + label + "`: "
                + message, "check that the remote exists and is reachable; nothing was pushed", null);
    }

    private PublishException unsupported(NotSupportedException e) {
        return new PublishException("`" + url.redacted() + "` uses a protocol storyc cannot push to: "
                + scrub(e.getMessage()), "use file://, git://, http(s)://, ssh:// or user@host:path");
    }

    private PublishException ioFailure(String what, IOException e) {
        return new PublishException(what + " `" + local.directory() + "`: " + scrub(e.getMessage()),
                "run `git fsck` in it; the remote was not changed", null);
    }

    private ObjectId localHead() throws PublishException {
        try {
            return local.repository().resolve(branchRef());
        } catch (IOException e) {
            throw ioFailure("cannot read the output repository", e);
        }
    }

    private void markPushed(ObjectId commit) throws PublishException {
        try {
            local.updateRef(pushedRef(), local.repository().resolve(pushedRef()), commit, "storyc: pushed", true);
        } catch (IOException e) {
            throw ioFailure("cannot record the push in", e);
        }
    }

    private String branchRef() {
        return Constants.R_HEADS + local.branch();
    }

    /** Where the remote branch is fetched to: storyc's view of the remote, never checked out. */
    private String trackingRef() {
        return "refs/storyc/remote/" + local.branch();
    }

    /** What storyc last pushed (or saw and accepted) on the remote branch; drift is measured against it. */
    private String pushedRef() {
        return "refs/storyc/pushed/" + local.branch();
    }

    /** JGit's SSH client over Apache MINA SSHD, with the user's ~/.ssh keys, config and known hosts. */
    static final class SshClient {
        static final SshSessionFactory FACTORY = create();

        private SshClient() {}

        private static SshSessionFactory create() {
            File home = FS.DETECTED.userHome();
            return new SshdSessionFactoryBuilder()
                    .setHomeDirectory(home)
                    .setSshDirectory(new File(home, ".ssh"))
                    .build(new JGitKeyCache());
        }
    }
}
