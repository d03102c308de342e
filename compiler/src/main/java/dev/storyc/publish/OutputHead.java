package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cheap facts about an output repository that decide whether a compile may leave it alone: read
 * without registering as a writer, taking a lock or writing a byte. Anything unusual (no ownership
 * marker yet, an interrupted refresh, a writer registered or killed, a held branch lock, a missing
 * release tag) is reported as "not settled", and the caller then takes the full path, which repairs
 * and reports it as before.
 */
public final class OutputHead {
    private OutputHead() {}

    /**
     * Returns the branch's head commit when the repository in {@code directory} is storyc's,
     * settled, its head's tree is {@code tree}, {@code tag} (when given) points at that commit, and
     * it keeps a working tree exactly when {@code workingTree} asks for one (a run that switches
     * the layout must do the switch); otherwise empty.
     */
    public static Optional<String> settledAt(
            Path directory, String branch, String tree, Optional<String> tag, boolean workingTree) {
        Path gitDir = directory.resolve(Constants.DOT_GIT);
        if (!SettledFacts.settled(gitDir, branch)) {
            return Optional.empty();
        }
        try (Repository repository = open(gitDir)) {
            if (repository.isBare() == workingTree) {
                return Optional.empty();
            }
            Optional<Head> head = headOf(repository, branch);
            if (head.isEmpty() || !head.get().tree().equals(tree)) {
                return Optional.empty();
            }
            if (tag.isPresent()
                    && !ReleaseTags.tagged(repository, tag.get(), ObjectId.fromString(head.get().commit()))) {
                return Optional.empty();
            }
            return Optional.of(head.get().commit());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A branch's head commit and its tree. */
    private record Head(String commit, String tree) {}

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private static Optional<Head> headOf(Repository repository, String branch) throws IOException {
        ObjectId head = repository.resolve(Constants.R_HEADS + branch);
        if (head == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            String tree = walk.parseCommit(head).getTree().getId().name();
            return Optional.of(new Head(head.name(), tree));
        }
    }
}
