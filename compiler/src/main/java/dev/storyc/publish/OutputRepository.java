package dev.storyc.publish;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
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

    private final Repository repository;
    private final String branch;

    private OutputRepository(Repository repository, String branch) {
        this.repository = repository;
        this.branch = branch;
    }

    /**
     * Opens the repository in {@code directory}, creating it when the folder is missing or empty.
     * A non-empty folder that is not a git repository is refused rather than taken over.
     */
    public static OutputRepository openOrCreate(Path directory, String branch) throws PublishException {
        try {
            if (Files.isDirectory(directory.resolve(".git"))) {
                Repository repository = new FileRepositoryBuilder()
                        .setGitDir(directory.resolve(".git").toFile())
                        .setMustExist(true)
                        .build();
                return new OutputRepository(repository, branch);
            }
            if (Files.exists(directory) && !isEmptyDirectory(directory)) {
                throw new PublishException("`" + directory + "` exists and is not a git repository",
                        "storyc only writes into repositories it created; move the folder away or choose --out");
            }
            Files.createDirectories(directory);
            Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch(branch).call();
            return new OutputRepository(git.getRepository(), branch);
        } catch (IOException | GitAPIException e) {
            throw new PublishException("cannot open the output repository `" + directory + "`: " + e.getMessage(),
                    "check that the folder is writable", e);
        }
    }

    /**
     * Checks, without creating anything, that {@code directory} can hold an output repository:
     * missing, empty, or already a git repository. Run for every environment before any is written.
     */
    public static Optional<String> problemWith(Path directory) {
        if (!Files.exists(directory) || Files.isDirectory(directory.resolve(".git"))) {
            return Optional.empty();
        }
        try {
            return isEmptyDirectory(directory) ? Optional.empty()
                    : Optional.of("`" + directory + "` exists and is not a git repository");
        } catch (IOException e) {
            return Optional.of("cannot read `" + directory + "`: " + e.getMessage());
        }
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
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
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            RevCommit headCommit = head == null ? null : walk.parseCommit(head);
            ObjectId treeId = writeTree(tree, inserter);
            if (headCommit != null && headCommit.getTree().getId().equals(treeId)) {
                return new PublishResult.Unchanged(head.name(), treeId.name());
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(treeId);
            if (head != null) {
                commit.setParentId(head);
            }
            PersonIdent ident = new PersonIdent(AUTHOR_TEMPLATE, java.time.Instant.now());
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message);
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            moveBranch(head, commitId);
            refreshWorkingTree(headCommit == null ? null : headCommit.getTree().getId(), treeId);
            return new PublishResult.Committed(commitId.name(), treeId.name());
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
                default -> throw new PublishException("cannot tag " + name + " (" + result + ")",
                        "another process may hold the tag's lock; compile again");
            }
        } catch (IOException e) {
            throw new PublishException("cannot tag " + name + ": " + e.getMessage(), "check permissions", e);
        }
    }

    private ObjectId writeTree(OutputTree tree, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (OutputFile file : tree.all()) {
            byte[] bytes = file.bytes();
            DirCacheEntry entry = new DirCacheEntry(file.path());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setLength(bytes.length);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, bytes));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    /** Moves the branch from {@code expected} to {@code next}, failing if anyone else moved it meanwhile. */
    private void moveBranch(ObjectId expected, ObjectId next) throws IOException, PublishException {
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        update.setNewObjectId(next);
        update.setRefLogMessage("storyc: compile", false);
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW, FAST_FORWARD -> { }
            default -> throw new PublishException(
                    "branch `" + branch + "` moved while compiling (" + result + "); nothing was changed",
                    "another storyc run wrote this repository at the same time; compile again");
        }
    }

    private void refreshWorkingTree(ObjectId oldTree, ObjectId newTree) throws IOException {
        if (repository.isBare()) {
            return;
        }
        DirCache index = repository.lockDirCache();
        try {
            DirCacheCheckout checkout = new DirCacheCheckout(repository, oldTree, index, newTree);
            checkout.setFailOnConflict(false);
            checkout.checkout();
        } finally {
            index.unlock();
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
