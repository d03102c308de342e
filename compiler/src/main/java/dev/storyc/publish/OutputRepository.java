package dev.storyc.publish;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * One environment's output repository on disk. Objects are written through an inserter first and
 * the branch moves last, by compare-and-swap, so a crash leaves the branch at the old commit or the
 * new one, never in between; the working tree is refreshed after that, as a convenience view.
 */
public final class OutputRepository implements AutoCloseable {
    static final PersonIdent AUTHOR_TEMPLATE = new PersonIdent("storyc", "storyc@localhost");
    /**
     * Present in the git folder from just before the branch moves until the working tree shows the
     * new commit: when a run finds it, an earlier run was killed in between, and the working tree is
     * reset to the branch before anything else.
     */
    static final String REFRESH_PENDING = "storyc-refresh-pending";
    /** New objects from which a publish writes one pack instead of loose objects. */
    static final int PACK_THRESHOLD = 64;
    /** Prefix of the folder a new repository is built in before it is moved into place. */
    static final String INIT_PREFIX = ".storyc-init-";

    private final Repository repository;
    private final Path directory;
    private final String branch;
    private final Progress progress;

    private OutputRepository(Repository repository, Path directory, String branch, Progress progress) {
        this.repository = repository;
        this.directory = directory;
        this.branch = branch;
        this.progress = progress;
    }

    /** Opens or creates the repository, without progress or warnings. */
    public static OutputRepository openOrCreate(Path directory, String branch) throws PublishException {
        return openOrCreate(directory, branch, Progress.silent());
    }

    /**
     * Opens the repository in {@code directory}, creating it when the folder is missing or empty.
     * A non-empty folder that is not a git repository is refused rather than taken over. A new
     * repository is built in a hidden folder and moved into place in one rename, so a process killed
     * while creating it leaves either no repository or a complete one.
     */
    public static OutputRepository openOrCreate(Path directory, String branch, Progress progress)
            throws PublishException {
        try {
            if (!Files.isDirectory(directory.resolve(".git"))) {
                Optional<String> problem = problemWith(directory);
                if (problem.isPresent()) {
                    throw new PublishException(problem.get(),
                            "storyc only writes into repositories it created; move the folder away or choose --out");
                }
                create(directory, branch);
            }
            return open(directory, branch, progress);
        } catch (IOException | GitAPIException e) {
            throw new PublishException("cannot open the output repository `" + directory + "`: " + e.getMessage(),
                    "check that the folder is writable", e);
        }
    }

    /** Opens an existing repository, for commands such as push that never create one. */
    public static OutputRepository openExisting(Path directory, String branch, Progress progress)
            throws PublishException {
        if (!Files.isDirectory(directory.resolve(".git"))) {
            throw new PublishException("`" + directory + "` is not an output repository yet",
                    "run `storyc compile` for this environment first");
        }
        try {
            return open(directory, branch, progress);
        } catch (IOException e) {
            throw new PublishException("cannot open the output repository `" + directory + "`: " + e.getMessage(),
                    "run `git fsck` in it", e);
        }
    }

    private static OutputRepository open(Path directory, String branch, Progress progress) throws IOException {
        Repository repository = new FileRepositoryBuilder()
                .setGitDir(directory.resolve(".git").toFile())
                .setMustExist(true)
                .build();
        return new OutputRepository(repository, directory, branch, progress);
    }

    private static void create(Path directory, String branch) throws IOException, GitAPIException {
        Files.createDirectories(directory);
        removeAbandonedInits(directory);
        Path staging = directory.resolve(INIT_PREFIX + UUID.randomUUID());
        try {
            Git.init().setDirectory(staging.toFile()).setInitialBranch(branch).call().close();
            try {
                Files.move(staging.resolve(".git"), directory.resolve(".git"), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(directory.resolve(".git"))) {
                    throw e;
                }
                // Another process created the repository at the same instant; use theirs.
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** Removes staging folders that a process killed while creating the repository left behind. */
    private static void removeAbandonedInits(Path directory) throws IOException {
        Instant cutoff = Instant.now().minus(LockFiles.STALE_AFTER);
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(OutputRepository::isStaging).toList()) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static boolean isStaging(Path entry) {
        return entry.getFileName().toString().startsWith(INIT_PREFIX);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Checks, without creating anything, that {@code directory} can hold an output repository:
     * missing, empty, or already a git repository. Run for every environment before any is written.
     * Staging folders of an interrupted creation count as empty.
     */
    public static Optional<String> problemWith(Path directory) {
        if (!Files.exists(directory) || Files.isDirectory(directory.resolve(".git"))) {
            return Optional.empty();
        }
        if (!Files.isDirectory(directory)) {
            return Optional.of("`" + directory + "` exists and is not a git repository");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(entry -> !isStaging(entry))
                    ? Optional.of("`" + directory + "` exists and is not a git repository")
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read `" + directory + "`: " + e.getMessage());
        }
    }

    /** Returns the folder of the repository's working tree. */
    public Path directory() {
        return directory;
    }

    /** Returns the commit the branch points at, if the branch exists. */
    public Optional<String> head() throws PublishException {
        try {
            return Optional.ofNullable(repository.resolve(Constants.R_HEADS + branch)).map(ObjectId::name);
        } catch (IOException e) {
            throw new PublishException("cannot read the output repository: " + e.getMessage(), "run `git fsck` in it", e);
        }
    }

    /** Returns the text of a file at the branch's head, if the branch and the file exist. */
    public Optional<String> readAtHead(String path) throws PublishException {
        try {
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            if (head == null) {
                return Optional.empty();
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(head);
                try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                    if (tree == null) {
                        return Optional.empty();
                    }
                    byte[] bytes = repository.open(tree.getObjectId(0)).getBytes();
                    return Optional.of(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new PublishException("cannot read the output repository: " + e.getMessage(), "run `git fsck` in it", e);
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

    /** Commits {@code tree} on the branch unless it equals the head's tree. */
    public PublishResult publish(OutputTree tree, String message) throws PublishException {
        try (RevWalk walk = new RevWalk(repository)) {
            repairInterruptedRefresh();
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            RevCommit headCommit = head == null ? null : walk.parseCommit(head);
            Map<String, ObjectId> blobs = new HashMap<>();
            int missing = 0;
            try (ObjectInserter.Formatter ids = new ObjectInserter.Formatter()) {
                for (OutputFile file : tree.all()) {
                    ObjectId id = ids.idFor(Constants.OBJ_BLOB, file.bytes());
                    blobs.put(file.path(), id);
                    missing += repository.getObjectDatabase().has(id) ? 0 : 1;
                }
            }
            try (ObjectInserter inserter = inserterFor(missing)) {
                ObjectId treeId = writeTree(tree, inserter, missing);
                if (headCommit != null && headCommit.getTree().getId().equals(treeId)) {
                    return new PublishResult.Unchanged(head.name(), treeId.name());
                }
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(treeId);
                if (head != null) {
                    commit.setParentId(head);
                }
                PersonIdent ident = new PersonIdent(AUTHOR_TEMPLATE, Instant.now());
                commit.setAuthor(ident);
                commit.setCommitter(ident);
                commit.setMessage(message);
                ObjectId commitId = inserter.insert(commit);
                inserter.flush();
                moveBranchAndRefresh(head, commitId, () -> writeWorkingTree(tree, blobs), "storyc: compile", false);
                return new PublishResult.Committed(commitId.name(), treeId.name());
            }
        } catch (IOException e) {
            throw new PublishException("cannot write the output repository: " + e.getMessage(),
                    "check free disk space and permissions; the branch still points at its previous commit", e);
        }
    }

    /**
     * Points tag {@code name} at {@code commit}. A release's tag follows its newest compile in this
     * repository: after a back-out re-seals a release, the tag names what actually shipped.
     */
    public void tag(String name, String commit) throws PublishException {
        try {
            RefUpdate update = repository.updateRef(Constants.R_TAGS + name);
            update.setNewObjectId(ObjectId.fromString(commit));
            update.setForceUpdate(true);
            update.setRefLogMessage("storyc: tag " + name, false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FORCED, NO_CHANGE, FAST_FORWARD -> { }
                // The commit is in place; a tag is a bookmark on it, so a held lock only costs a warning
                // (a run killed while tagging leaves one) and the next compile tags again.
                case LOCK_FAILURE -> progress.warn("could not tag " + name + " in `" + directory + "`: "
                        + LockFiles.of(repository.getDirectory().toPath().resolve(Constants.R_TAGS + name))
                                .map(lock -> lock.describe() + " is held; " + LockFiles.hint(lock))
                                .orElse("its lock is held; compile again"));
                default -> throw new PublishException("cannot tag " + name + " (" + result + ")",
                        "check the repository with `git fsck`");
            }
        } catch (IOException e) {
            throw new PublishException("cannot tag " + name + ": " + e.getMessage(), "check permissions", e);
        }
    }

    /**
     * Returns an inserter that writes one pack when a publish adds many objects, and loose objects
     * otherwise. Thousands of loose files cost far more than one pack, while a pack per small compile
     * would pile up; git's own {@code receive.unpackLimit} draws the same line. Both write to
     * temporary files renamed into place, and nothing refers to the objects until the branch moves.
     */
    private ObjectInserter inserterFor(int newObjects) {
        if (newObjects >= PACK_THRESHOLD && repository.getObjectDatabase() instanceof ObjectDirectory directory) {
            return directory.newPackInserter();
        }
        return repository.newObjectInserter();
    }

    /**
     * Writes the tree's objects; progress counts only the {@code newObjects} blobs the repository
     * lacks, so a compile that changes nothing stays silent.
     */
    private ObjectId writeTree(OutputTree tree, ObjectInserter inserter, int newObjects) throws IOException {
        ProgressMonitor monitor = newObjects == 0 ? NullProgressMonitor.INSTANCE
                : progress.monitor(directory.getFileName().toString());
        monitor.beginTask("Writing objects", tree.all().size());
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (OutputFile file : tree.all()) {
            byte[] bytes = file.bytes();
            DirCacheEntry entry = new DirCacheEntry(file.path());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setLength(bytes.length);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, bytes));
            builder.add(entry);
            monitor.update(1);
        }
        builder.finish();
        ObjectId id = index.writeTree(inserter);
        monitor.endTask();
        return id;
    }

    /**
     * Moves {@code ref} from {@code expected} (null: the ref must not exist) to {@code next}, failing
     * if anyone else moved it meanwhile. {@code rebuild} allows a move that is not a fast-forward,
     * for local commits that were never pushed and are rebuilt on a new remote head. A stale lock
     * left by a killed process is removed under the rule of {@link LockFiles}; a younger one is
     * explained.
     */
    void updateRef(String ref, ObjectId expected, ObjectId next, String reason, boolean rebuild)
            throws IOException, PublishException {
        for (int attempt = 0; ; attempt++) {
            RefUpdate update = repository.updateRef(ref);
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
            update.setNewObjectId(next);
            update.setForceUpdate(rebuild);
            update.setRefLogMessage(reason, false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {
                    return;
                }
                case LOCK_FAILURE -> {
                    Optional<LockFiles.Lock> lock = lockOf(ref);
                    if (lock.isPresent()) {
                        if (attempt == 0 && LockFiles.removeIfStale(lock.get(), progress)) {
                            continue;
                        }
                        throw new PublishException("`" + ref + "` in `" + directory + "` is locked by "
                                + lock.get().describe() + "; nothing was changed", LockFiles.hint(lock.get()));
                    }
                    throw moved(ref, result);
                }
                default -> throw moved(ref, result);
            }
        }
    }

    private PublishException moved(String ref, RefUpdate.Result result) {
        return new PublishException("`" + Repository.shortenRefName(ref) + "` in `" + directory
                + "` moved while storyc was writing it (" + result + "); nothing was changed",
                "another storyc run wrote this repository at the same time; run the command again");
    }

    private Optional<LockFiles.Lock> lockOf(String ref) {
        Path gitDir = repository.getDirectory().toPath();
        return LockFiles.of(gitDir.resolve(ref)).or(() -> LockFiles.of(gitDir.resolve(Constants.PACKED_REFS)));
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
    void moveBranchAndRefresh(ObjectId expected, ObjectId next, Refresh refresh, String reason, boolean rebuild)
            throws IOException, PublishException {
        Path marker = repository.getDirectory().toPath().resolve(REFRESH_PENDING);
        Files.writeString(marker, next.name() + "\n");
        updateRef(Constants.R_HEADS + branch, expected, next, reason, rebuild);
        if (repository.isBare() || refresh.run()) {
            Files.deleteIfExists(marker);
        }
    }

    /** Resets the working tree to the branch if an earlier run was killed before refreshing it. */
    void repairInterruptedRefresh() throws IOException {
        Path marker = repository.getDirectory().toPath().resolve(REFRESH_PENDING);
        if (!Files.exists(marker) || repository.isBare()) {
            return;
        }
        // A reset takes the index's and HEAD's locks; a run killed during an earlier repair leaves them.
        for (Path locked : List.of(repository.getIndexFile().toPath(), repository.getDirectory().toPath().resolve("HEAD"))) {
            Optional<LockFiles.Lock> lock = LockFiles.of(locked);
            if (lock.isPresent() && !LockFiles.removeIfStale(lock.get(), progress)) {
                progress.warn("the working tree of `" + directory + "` may be out of date: an earlier run was"
                        + " interrupted and " + lock.get().describe() + " is held; " + LockFiles.hint(lock.get()));
                return;
            }
        }
        try {
            Git.wrap(repository).reset().setMode(ResetCommand.ResetType.HARD)
                    .setRef(Constants.R_HEADS + branch).call();
            Files.deleteIfExists(marker);
            progress.warn("reset the working tree of `" + directory + "` to `" + branch
                    + "`: an earlier run was interrupted while refreshing it; the branch itself was intact");
        } catch (GitAPIException | JGitInternalException e) {
            // The branch is intact; only the convenience checkout is behind, and the next run retries.
            progress.warn("the working tree of `" + directory + "` may be out of date: " + e.getMessage());
        }
    }

    /**
     * Writes the files of a just-committed {@code tree} into the working tree and the index, from
     * the bytes in hand: a file whose blob and stat data are unchanged is left alone, a changed or
     * new one is written, and one the tree no longer has is deleted. Much cheaper than a generic
     * checkout, which would read back what storyc has just produced.
     */
    boolean writeWorkingTree(OutputTree tree, Map<String, ObjectId> blobs) throws IOException {
        Optional<DirCache> locked = lockIndex();
        if (locked.isEmpty()) {
            return false;
        }
        DirCache index = locked.get();
        try {
            Map<String, DirCacheEntry> previous = new HashMap<>();
            for (int i = 0; i < index.getEntryCount(); i++) {
                previous.put(index.getEntry(i).getPathString(), index.getEntry(i));
            }
            DirCacheBuilder builder = index.builder();
            Set<Path> folders = new HashSet<>();
            for (OutputFile file : tree.all()) {
                Path target = directory.resolve(file.path());
                DirCacheEntry old = previous.remove(file.path());
                ObjectId blob = blobs.get(file.path());
                byte[] bytes = file.bytes();
                DirCacheEntry entry = new DirCacheEntry(file.path());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                entry.setLength(bytes.length);
                if (old != null && old.getObjectId().equals(blob) && untouched(old, target, bytes.length)) {
                    entry.setLastModified(old.getLastModifiedInstant());
                } else {
                    if (folders.add(target.getParent())) {
                        Files.createDirectories(target.getParent());
                    }
                    Files.write(target, bytes);
                    entry.setLastModified(Files.getLastModifiedTime(target).toInstant());
                }
                builder.add(entry);
            }
            for (String gone : previous.keySet()) {
                Path file = directory.resolve(gone);
                Files.deleteIfExists(file);
                for (Path parent = file.getParent(); !parent.equals(directory); parent = parent.getParent()) {
                    try (Stream<Path> entries = Files.list(parent)) {
                        if (entries.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(parent);
                }
            }
            builder.commit();
            return true;
        } finally {
            index.unlock();
        }
    }

    /**
     * Returns true when {@code file} is still what storyc wrote for {@code entry}: same size and
     * modification time. The entry's own length is not used, because writing the index zeroes it
     * for files written in the same instant ("racily clean", as in git).
     */
    private static boolean untouched(DirCacheEntry entry, Path file, int length) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        return Files.size(file) == length
                && Files.getLastModifiedTime(file).toInstant().equals(entry.getLastModifiedInstant());
    }

    /**
     * Brings the working tree from {@code oldTree} to {@code newTree} with a generic checkout, for
     * moves whose files storyc does not hold in memory; returns false when it could not.
     */
    boolean refreshWorkingTree(ObjectId oldTree, ObjectId newTree) throws IOException {
        Optional<DirCache> locked = lockIndex();
        if (locked.isEmpty()) {
            return false;
        }
        DirCache index = locked.get();
        try {
            DirCacheCheckout checkout = new DirCacheCheckout(repository, oldTree, index, newTree);
            checkout.setFailOnConflict(false);
            checkout.checkout();
            return true;
        } finally {
            index.unlock();
        }
    }

    /** Locks the index for a refresh; a lock held elsewhere is a warning, since the commit is already made. */
    private Optional<DirCache> lockIndex() throws IOException {
        Optional<LockFiles.Lock> lock = LockFiles.of(repository.getIndexFile().toPath());
        if (lock.isPresent() && !LockFiles.removeIfStale(lock.get(), progress)) {
            progress.warn("the working tree of `" + directory + "` was not refreshed: the index is locked by "
                    + lock.get().describe() + ". The commit is made; " + LockFiles.hint(lock.get()));
            return Optional.empty();
        }
        try {
            return Optional.of(repository.lockDirCache());
        } catch (LockFailedException e) {
            progress.warn("the working tree of `" + directory + "` was not refreshed: another process holds"
                    + " its index. The commit is made; the next compile refreshes it");
            return Optional.empty();
        }
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
    }
}
