package dev.storyc.publish;

import org.eclipse.jgit.errors.RevisionSyntaxException;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The files of one output commit that a deployer or runner needs (for {@code warehouse apply},
 * everything under {@code warehouse/} and {@code storyc.lock}; for {@code etl run}, {@code test}
 * and {@code validate}, every file), read from git objects, never from the working tree, so what
 * runs is exactly what was committed (and, after {@code storyc push}, what CI sees).
 *
 * @param commit the full commit id
 */
public record OutputSnapshot(String commit, Map<String, String> files) {
    public OutputSnapshot {
        files = Map.copyOf(files);
    }

    public Optional<String> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /**
     * Reads a commit of an output repository.
     *
     * @param revision a commit id (full or abbreviated), a tag such as {@code release/2026-W48}, or
     *     empty for the head of {@code branch}
     */
    public static OutputSnapshot read(Path directory, String branch, Optional<String> revision)
            throws PublishException {
        return read(directory, branch, revision,
                path -> path.startsWith("warehouse/") || path.equals("storyc.lock"));
    }

    /**
     * Reads the files of a commit of an output repository whose paths {@code wanted} accepts.
     *
     * @param revision a commit id, a tag, or empty for the head of {@code branch}
     */
    public static OutputSnapshot read(
            Path directory, String branch, Optional<String> revision, Predicate<String> wanted)
            throws PublishException {
        Path dotGit = directory.resolve(".git");
        if (!Files.isDirectory(dotGit) && !Files.isRegularFile(dotGit)) {
            throw new PublishException(
                    "`" + directory + "` is not an output repository yet",
                    "run `storyc compile` for this environment first");
        }
        // A checkout the schedules run in may be a worktree or a submodule, whose .git is a file
        // naming the repository; JGit follows it from the working tree.
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.isDirectory(dotGit)) {
            builder.setGitDir(dotGit.toFile());
        } else {
            builder.setWorkTree(directory.toFile());
        }
        try (Repository repository = builder.build()) {
            ObjectId id = resolve(repository, directory, branch, revision);
            try (RevWalk walk = new RevWalk(repository);
                    TreeWalk tree = new TreeWalk(repository)) {
                RevCommit commit = walk.parseCommit(id);
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                Map<String, String> files = new TreeMap<>();
                while (tree.next()) {
                    String path = tree.getPathString();
                    if (wanted.test(path)) {
                        byte[] bytes = repository.open(tree.getObjectId(0)).getBytes();
                        files.put(path, new String(bytes, StandardCharsets.UTF_8));
                    }
                }
                return new OutputSnapshot(commit.name(), files);
            }
        } catch (IOException e) {
            throw new PublishException(
                    "cannot read the output repository `" + directory + "`: " + e.getMessage(),
                    "run `git fsck` in it");
        }
    }

    private static ObjectId resolve(
            Repository repository, Path directory, String branch, Optional<String> revision)
            throws IOException, PublishException {
        String wanted = revision.orElse(Constants.R_HEADS + branch);
        ObjectId id;
        try {
            id = repository.resolve(wanted + "^{commit}");
        } catch (RevisionSyntaxException | IOException e) {
            id = null;
        }
        if (id == null) {
            throw revision.isPresent()
                    ? new PublishException(
                            "output commit `"
                                    + revision.get()
                                    + "` does not exist in `"
                                    + directory
                                    + "`",
                            "name a commit of `git -C "
                                    + directory
                                    + " log`, or a tag such as"
                                    + " release/<name>; fetch first if CI compiled it")
                    : new PublishException(
                            "`" + directory + "` has no commit on branch " + branch + " yet",
                            "run `storyc compile` for this environment first");
        }
        return id;
    }
}
