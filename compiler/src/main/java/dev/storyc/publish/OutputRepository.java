package dev.storyc.publish;

import dev.storyc.emit.OutputTree;

import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One environment's output repository on disk. Objects are written first ({@link TreeCommits}) and
 * the branch moves last, by compare-and-swap ({@link BranchMoves}), so a crash leaves the branch at
 * the old commit or the new one, never in between; the working tree ({@link WorkingTree}) is
 * refreshed after that, as a convenience view. While open, the process is registered as a writer
 * ({@link Writers}), so that locks it leaves when killed are recovered at once by the next run.
 */
public final class OutputRepository implements AutoCloseable {
    static final PersonIdent AUTHOR_TEMPLATE = TreeCommits.AUTHOR_TEMPLATE;
    static final String REFRESH_PENDING = WorkingTree.REFRESH_PENDING;
    static final String INIT_PREFIX = RepositoryCreation.INIT_PREFIX;

    private final Repository repository;
    private final Path directory;
    private final String branch;
    private final Progress progress;
    private final Writers writers;
    private final BranchMoves branchMoves;
    private final WorkingTree workingTree;
    private final LockRecovery locks;
    private boolean killedWriterFound;

    private OutputRepository(
            Repository repository,
            Path directory,
            String branch,
            Progress progress,
            Writers writers) {
        this.repository = repository;
        this.directory = directory;
        this.branch = branch;
        this.progress = progress;
        this.writers = writers;
        this.locks = new LockRecovery(repository.getDirectory().toPath(), writers, progress);
        this.branchMoves = new BranchMoves(repository, directory, locks);
        this.workingTree = new WorkingTree(repository, directory, branch, progress, locks);
        this.killedWriterFound = locks.recoverKilledWriters();
    }

    /** Opens or creates the repository, without progress or warnings. */
    public static OutputRepository openOrCreate(Path directory, String branch)
            throws PublishException {
        return openOrCreate(directory, branch, Progress.silent());
    }

    /** Opens or creates the repository, with a working tree. */
    public static OutputRepository openOrCreate(Path directory, String branch, Progress progress)
            throws PublishException {
        return openOrCreate(directory, branch, progress, true);
    }

    /**
     * Opens the repository in {@code directory}, creating it when the folder is missing or empty. A
     * folder that holds anything else, or a repository storyc did not create, is refused rather
     * than taken over ({@link OutputFolderInspection} explains the same with a position first).
     *
     * @param workingTree whether the repository keeps a working tree; an existing one is switched
     *     when it differs ({@link RepositoryLayout})
     */
    public static OutputRepository openOrCreate(
            Path directory, String branch, Progress progress, boolean workingTree)
            throws PublishException {
        try {
            Path gitDir = directory.resolve(Constants.DOT_GIT);
            if (!Files.exists(gitDir, LinkOption.NOFOLLOW_LINKS)) {
                Optional<String> problem = problemWith(directory);
                if (problem.isPresent()) {
                    throw new PublishException(
                            problem.get(),
                            "storyc only writes into repositories it created; move the folder away"
                                    + " or choose --out");
                }
                RepositoryCreation.create(directory, branch, workingTree);
            }
            requireOwn(directory, gitDir);
            return withLayout(intact(open(directory, branch, progress)), workingTree);
        } catch (IllegalArgumentException e) {
            throw unreadableConfig(directory, e);
        } catch (IOException | GitAPIException e) {
            throw new PublishException(
                    "cannot open the output repository `" + directory + "`: " + e.getMessage(),
                    "check that the folder is writable",
                    e);
        }
    }

    /**
     * Removes an output repository that holds no commit at all, which a run that failed before it
     * committed anything leaves behind; see {@link RepositoryCreation#removeIfEmpty}.
     */
    public static void removeIfEmpty(Path directory) {
        RepositoryCreation.removeIfEmpty(directory);
    }

    /** Opens an existing repository, for commands such as push that never create one. */
    public static OutputRepository openExisting(Path directory, String branch, Progress progress)
            throws PublishException {
        Path gitDir = directory.resolve(Constants.DOT_GIT);
        if (!Files.exists(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PublishException(
                    "`" + directory + "` is not an output repository yet",
                    "run `storyc compile` for this environment first");
        }
        try {
            requireOwn(directory, gitDir);
            return intact(open(directory, branch, progress));
        } catch (IllegalArgumentException e) {
            throw unreadableConfig(directory, e);
        } catch (IOException e) {
            throw new PublishException(
                    "cannot open the output repository `" + directory + "`: " + e.getMessage(),
                    "run `git fsck` in it",
                    e);
        }
    }

    /** Returns {@code opened}, or closes it and refuses a branch that is damaged ({@link DamagedBranch}). */
    private static OutputRepository intact(OutputRepository opened) throws PublishException {
        Optional<String> damage = DamagedBranch.problem(opened.repository, opened.branch);
        if (damage.isPresent()) {
            opened.close();
            throw new PublishException("the branch `" + opened.branch + "` of the output repository `"
                    + opened.directory + "` is damaged: " + damage.get() + "; nothing was written",
                    DamagedBranch.hint(opened.directory, opened.branch));
        }
        return opened;
    }

    /** JGit reads a repository's config as it opens it, and throws this for one that does not parse. */
    private static PublishException unreadableConfig(Path directory, IllegalArgumentException e) {
        return new PublishException("cannot open the output repository `" + directory + "`: its .git/config"
                + " cannot be read (" + e.getMessage() + "); nothing was written",
                "restore .git/config from a copy of the repository, or move the folder away and compile"
                        + " again to start a new one", e);
    }

    /** Refuses a repository storyc did not make; marks one an earlier storyc made. */
    private static void requireOwn(Path directory, Path gitDir)
            throws IOException, PublishException {
        if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)
                || !OwnershipMarker.isOwn(gitDir)) {
            throw new PublishException(
                    "`"
                            + directory
                            + "` holds a git repository that storyc did not create;"
                            + " nothing was written",
                    "storyc replaces the whole working tree of its repositories; move"
                            + " this one away, or choose another output folder");
        }
        OwnershipMarker.write(gitDir);
    }

    /**
     * Returns {@code opened} with or without a working tree as asked, switching it when needed;
     * left as it is while another storyc writes in it, which may rely on the present layout.
     */
    private static OutputRepository withLayout(OutputRepository opened, boolean workingTree)
            throws IOException {
        if (opened.repository.isBare() != workingTree) {
            return opened;
        }
        try {
            if (opened.locks.anotherWriterAlive()) {
                opened.progress.warn("kept `" + opened.directory + "` "
                        + (workingTree ? "bare" : "with its working tree")
                        + " for now: another storyc is writing in it");
                return opened;
            }
            Path marker = opened.workingTree.pendingMarker();
            if (workingTree) {
                RepositoryLayout.toWorkingTree(opened.repository, marker);
            } else if (!RepositoryLayout.toBare(
                    opened.repository, opened.directory, marker, opened.progress)) {
                return opened;
            }
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        opened.close();
        OutputRepository reopened = open(opened.directory, opened.branch, opened.progress);
        if (workingTree) {
            reopened.repairInterruptedRefresh();
        }
        return reopened;
    }

    private static OutputRepository open(Path directory, String branch, Progress progress)
            throws IOException {
        Repository repository =
                new FileRepositoryBuilder()
                        .setGitDir(directory.resolve(Constants.DOT_GIT).toFile())
                        .setMustExist(true)
                        .build();
        try {
            return new OutputRepository(
                    repository,
                    directory,
                    branch,
                    progress,
                    Writers.register(repository.getDirectory().toPath()));
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /**
     * Checks, without creating anything, that {@code directory} can hold an output repository:
     * missing, empty, or already a git repository. Staging folders of an interrupted creation count
     * as empty.
     */
    public static Optional<String> problemWith(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)
                || Files.isDirectory(
                        directory.resolve(Constants.DOT_GIT), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("`" + directory + "` exists and is not a git repository");
        }
        if (OutputFolderInspection.isBareRepository(directory)) {
            return Optional.of("`" + directory + "` holds a bare git repository that storyc did"
                    + " not create");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            // A .git that appeared since the caller looked is another storyc's creation, checked
            // next.
            return entries.anyMatch(
                            entry ->
                                    !RepositoryCreation.isStaging(entry)
                                            && !entry.getFileName()
                                                    .toString()
                                                    .equals(Constants.DOT_GIT))
                    ? Optional.of("`" + directory + "` exists and is not a git repository")
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot list `" + directory + "`: " + e.getMessage());
        }
    }

    /** Returns the folder of the repository's working tree. */
    public Path directory() {
        return directory;
    }

    /** Returns whether the repository keeps a working tree (false: bare). */
    public boolean hasWorkingTree() {
        return !repository.isBare();
    }

    /** Returns the commit the branch points at, if the branch exists. */
    public Optional<String> head() throws PublishException {
        try {
            return Optional.ofNullable(repository.resolve(Constants.R_HEADS + branch))
                    .map(ObjectId::name);
        } catch (IOException e) {
            throw new PublishException(
                    "cannot read the output repository: " + e.getMessage(),
                    "run `git fsck` in it",
                    e);
        }
    }

    /**
     * Returns the {@code Storyc-Source} of the branch's head commit, the workspace commit it was
     * compiled from (with {@code +dirty} when uncommitted changes were in it), if there is one.
     */
    public Optional<String> sourceAtHead() {
        return CommitFiles.source(repository, Constants.R_HEADS + branch);
    }

    /** Returns the text of a file at the branch's head, if the branch and the file exist. */
    public Optional<String> readAtHead(String path) throws PublishException {
        try {
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            return head == null ? Optional.empty() : CommitFiles.read(repository, head, path);
        } catch (IOException e) {
            throw new PublishException(
                    "cannot read the output repository: " + e.getMessage(),
                    "run `git fsck` in it",
                    e);
        }
    }

    /**
     * Returns a file at the branch's head, treating a read failure as absence: for callers that
     * only look back (back-out), where a later write would surface a broken repository anyway.
     */
    public Optional<String> fileAtHead(String path) {
        try {
            return readAtHead(path);
        } catch (PublishException e) {
            return Optional.empty();
        }
    }

    /**
     * Commits {@code tree} on the branch unless it equals the head's tree. When another run moves
     * the branch meanwhile to a commit of the very same tree, that commit is the result: the
     * repository holds what this run meant to write, and nothing failed.
     */
    public PublishResult publish(OutputTree tree, String message) throws PublishException {
        TreeCommits commits = new TreeCommits(repository, directory, progress);
        ObjectId[] committed = new ObjectId[1];
        try (RevWalk walk = new RevWalk(repository)) {
            repairInterruptedRefresh();
            branchMoves.awaitUnlocked(Constants.R_HEADS + branch);
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            RevCommit headCommit = head == null ? null : walk.parseCommit(head);
            TreeCommits.Blobs blobs = commits.hash(tree, headCommit == null);
            try (ObjectInserter inserter = commits.inserterFor(blobs.missing().size())) {
                commits.insertMissing(blobs, inserter);
                ObjectId treeId = TreeCommits.writeTree(tree, blobs, inserter);
                if (headCommit != null && headCommit.getTree().getId().equals(treeId)) {
                    return new PublishResult.Unchanged(head.name(), treeId.name());
                }
                ObjectId commitId = TreeCommits.commit(inserter, treeId, head, message);
                inserter.flush();
                committed[0] = commitId;
                try {
                    moveBranchAndRefresh(
                            head,
                            commitId,
                            () -> workingTree.write(tree, blobs.ids()),
                            "storyc: compile",
                            false);
                } catch (PublishException e) {
                    Optional<ObjectId> same = headWithTree(treeId);
                    if (same.isPresent()) {
                        return new PublishResult.Unchanged(same.get().name(), treeId.name());
                    }
                    throw e;
                }
                return new PublishResult.Committed(commitId.name(), treeId.name());
            }
        } catch (IOException e) {
            throw new PublishException(
                    "cannot write the output repository: " + e.getMessage(),
                    "check free disk space and permissions; " + (branchReached(committed[0])
                            ? "the commit is made and the branch points at it, but the working tree was"
                                    + " left part-way: the next compile finishes it"
                            : "the branch still points at its previous commit"),
                    e);
        }
    }

    /** Returns true when the branch points at {@code commit}, which a failure cannot tell. */
    private boolean branchReached(ObjectId commit) {
        try {
            return commit != null && commit.equals(repository.resolve(Constants.R_HEADS + branch));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Returns the branch's head when its tree is {@code tree}: another run committed the same
     * output.
     */
    private Optional<ObjectId> headWithTree(ObjectId tree) throws IOException {
        ObjectId now = repository.resolve(Constants.R_HEADS + branch);
        if (now == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(now).getTree().getId().equals(tree)
                    ? Optional.of(now)
                    : Optional.empty();
        }
    }

    /** Points tag {@code name} at {@code commit}; see {@link ReleaseTags}. */
    public void tag(String name, String commit) throws PublishException {
        ReleaseTags.tag(repository, directory, progress, name, commit);
    }

    /** Moves {@code ref}; see {@link BranchMoves#update}. */
    void updateRef(String ref, ObjectId expected, ObjectId next, String reason, boolean rebuild)
            throws IOException, PublishException {
        branchMoves.update(ref, expected, next, reason, rebuild);
    }

    /** Brings the working tree up to the branch's new commit; returns false when it could not. */
    @FunctionalInterface
    interface Refresh {
        boolean run() throws IOException;
    }

    /**
     * Moves the branch from {@code expected} to {@code next} and brings the working tree along,
     * with the pending-refresh marker around both, so a kill anywhere in between is repaired by the
     * next run.
     */
    void moveBranchAndRefresh(
            ObjectId expected, ObjectId next, Refresh refresh, String reason, boolean rebuild)
            throws IOException, PublishException {
        Path marker = workingTree.pendingMarker();
        Files.writeString(marker, next.name() + "\n");
        try {
            updateRef(Constants.R_HEADS + branch, expected, next, reason, rebuild);
        } catch (IOException | PublishException | RuntimeException e) {
            // The branch did not move, so the working tree still shows it: a marker left here
            // would make the next run report an interruption that never happened.
            if (!next.equals(repository.resolve(Constants.R_HEADS + branch))) {
                try {
                    Files.deleteIfExists(marker);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        if (repository.isBare() || refresh.run()) {
            Files.deleteIfExists(marker);
        }
    }

    /** Resets the working tree to the branch if an earlier run was killed before refreshing it. */
    void repairInterruptedRefresh() throws IOException {
        workingTree.repair(killedWriterFound);
        killedWriterFound = false;
    }

    /** Brings the working tree to {@code commit}; see {@link WorkingTree#checkOut}. */
    boolean refreshWorkingTree(ObjectId commit) throws IOException {
        return workingTree.checkOut(commit);
    }

    Repository repository() {
        return repository;
    }

    String branch() {
        return branch;
    }

    Progress progress() {
        return progress;
    }

    @Override
    public void close() {
        repository.close();
        writers.unregister();
    }
}
