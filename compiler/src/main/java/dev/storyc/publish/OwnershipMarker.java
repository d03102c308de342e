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
import java.util.Optional;

/**
 * The file by which storyc knows an output repository as its own: {@code .git/storyc-output},
 * written when storyc creates the repository. storyc never writes into a git repository without it,
 * because it replaces the whole working tree on every compile and would lose someone's edits.
 *
 * <p>Repositories made before the marker existed are recognised by their head commit, which only
 * storyc writes with a {@code Storyc-Env-Hash} trailer and a {@code storyc.lock} file; the marker
 * is added to them the first time storyc writes.
 */
final class OwnershipMarker {
    static final String FILE = "storyc-output";
    private static final String TEXT =
            "This repository was created by storyc. storyc writes only into"
                    + " repositories that hold this file.\n";

    private OwnershipMarker() {}

    /** Writes the marker into a git folder storyc has just created or recognised. */
    static void write(Path gitDir) throws IOException {
        Path marker = gitDir.resolve(FILE);
        if (!Files.exists(marker)) {
            Files.writeString(marker, TEXT, StandardCharsets.UTF_8);
        }
    }

    static boolean isMarked(Path gitDir) {
        return Files.isRegularFile(gitDir.resolve(FILE));
    }

    /**
     * Returns true when the repository in {@code gitDir} is storyc's own: marked, or made by an
     * earlier storyc (its head is a storyc commit). An unmarked repository without commits is not:
     * this version creates repositories marked in one rename, so only a person makes such a one.
     */
    static boolean isOwn(Path gitDir) throws IOException {
        if (isMarked(gitDir)) {
            return true;
        }
        try (Repository repository =
                new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return false;
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(head);
                boolean trailer = commit.getFooterLines("Storyc-Env-Hash").size() == 1;
                try (TreeWalk lock =
                        TreeWalk.forPath(repository, "storyc.lock", commit.getTree())) {
                    return trailer && lock != null;
                }
            }
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            return false;
        }
    }

    /** Returns the git folder of {@code folder}'s repository, if it holds one as a real folder. */
    static Optional<Path> gitDirOf(Path folder) {
        Path gitDir = folder.resolve(Constants.DOT_GIT);
        return Files.isDirectory(gitDir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(gitDir)
                : Optional.empty();
    }
}
