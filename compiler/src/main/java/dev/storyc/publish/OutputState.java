package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What an output repository on disk holds right now, read without changing anything: the branch's
 * commit, its tree and time, and what storyc last pushed of it. The site's board and {@code storyc
 * diff} read it; nothing here takes a lock or repairs a working tree, so it is safe beside a
 * running compile.
 *
 * @param head the branch's commit
 * @param tree the commit's tree id, equal to {@link GitContentIds#treeIdOf} of the tree it holds
 * @param committedAt the commit's committer time: when a compile last changed the output
 * @param pushed what storyc last pushed (or accepted) of the branch on the remote, if ever
 * @param file reads a file of the head commit
 * @param files reads every file of the head commit, as path to text
 */
public record OutputState(
        String head,
        String tree,
        Instant committedAt,
        Optional<String> pushed,
        Function<String, Optional<String>> file,
        AllFiles files) {

    /**
     * Reads every file of the head commit when asked, which only {@code storyc diff} does. Its
     * failure is checked, unlike a {@code Supplier}'s: an object missing from a damaged repository
     * is an operational error the command reports, not a crash.
     */
    @FunctionalInterface
    public interface AllFiles {
        /** Returns every file, as path to text. */
        SortedMap<String, String> read() throws PublishException;
    }

    /** Returns true when storyc's last push put exactly the head on the remote. */
    public boolean isPushed() {
        return pushed.filter(head::equals).isPresent();
    }

    /**
     * Returns the state of the repository in {@code directory} on {@code branch}, or empty when
     * there is no repository or the branch has no commit yet.
     */
    public static Optional<OutputState> read(Path directory, String branch)
            throws PublishException {
        if (!Files.isDirectory(directory.resolve(".git"))) {
            return Optional.empty();
        }
        try (Repository repository =
                        new FileRepositoryBuilder()
                                .setGitDir(directory.resolve(".git").toFile())
                                .setMustExist(true)
                                .build();
                RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            if (head == null) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(head);
            Optional<String> pushed =
                    Optional.ofNullable(repository.resolve("refs/storyc/pushed/" + branch))
                            .map(ObjectId::name);
            Function<String, Optional<String>> file = reader(directory, commit.getTree().getId());
            return Optional.of(
                    new OutputState(
                            head.name(),
                            commit.getTree().getId().name(),
                            Instant.ofEpochSecond(commit.getCommitTime()),
                            pushed,
                            file,
                            () -> allFiles(directory, commit.getTree().getId())));
        } catch (IOException e) {
            throw unreadable(directory, e);
        }
    }

    private static PublishException unreadable(Path directory, IOException e) {
        return new PublishException(
                "cannot read the output repository `" + directory + "`: " + e.getMessage(),
                "run `git fsck` in it",
                e);
    }

    /**
     * Returns a reader of files in {@code tree} that opens the repository per call, so the state
     * holds no open handle; a file that cannot be read reads as absent.
     */
    private static Function<String, Optional<String>> reader(Path directory, ObjectId tree) {
        return path -> {
            try (Repository repository =
                            new FileRepositoryBuilder()
                                    .setGitDir(directory.resolve(".git").toFile())
                                    .setMustExist(true)
                                    .build();
                    TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
                if (walk == null) {
                    return Optional.empty();
                }
                return Optional.of(
                        new String(
                                repository.open(walk.getObjectId(0)).getBytes(),
                                StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }

    /**
     * Returns every file of {@code tree}, as path to UTF-8 text. Output repositories hold only text
     * storyc wrote, so decoding cannot lose anything; a read failure is an operational error.
     */
    private static SortedMap<String, String> allFiles(Path directory, ObjectId tree)
            throws PublishException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Repository repository =
                        new FileRepositoryBuilder()
                                .setGitDir(directory.resolve(".git").toFile())
                                .setMustExist(true)
                                .build();
                TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                files.put(
                        walk.getPathString(),
                        new String(
                                repository.open(walk.getObjectId(0)).getBytes(),
                                StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw unreadable(directory, e);
        }
        return files;
    }
}
