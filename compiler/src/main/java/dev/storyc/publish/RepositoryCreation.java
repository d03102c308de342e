package dev.storyc.publish;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Creates an output repository. It is built in a hidden folder, marked as storyc's own, and moved
 * into place in one rename, so a process killed while creating it leaves either no repository or a
 * complete, marked one.
 */
final class RepositoryCreation {
    /** Prefix of the folder a new repository is built in before it is moved into place. */
    static final String INIT_PREFIX = ".storyc-init-";

    private RepositoryCreation() {}

    /** Creates the repository, bare ({@link RepositoryLayout}) unless {@code workingTree}. */
    static void create(Path directory, String branch, boolean workingTree)
            throws IOException, GitAPIException {
        Files.createDirectories(directory);
        removeAbandonedInits(directory);
        Path staging = directory.resolve(INIT_PREFIX + UUID.randomUUID());
        try {
            Git.init().setDirectory(staging.toFile()).setInitialBranch(branch).call().close();
            OwnershipMarker.write(staging.resolve(".git"));
            if (!workingTree) {
                RepositoryLayout.markBare(staging.resolve(".git"));
            }
            try {
                Files.move(
                        staging.resolve(".git"),
                        directory.resolve(".git"),
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // Another process created the repository at the same instant (the rename onto its
                // .git fails, with an error that depends on the platform); use theirs.
                if (!Files.isDirectory(directory.resolve(".git"))) {
                    throw e;
                }
            }
        } finally {
            FileTrees.delete(staging);
        }
    }

    /** Removes staging folders that a process killed while creating the repository left behind. */
    private static void removeAbandonedInits(Path directory) throws IOException {
        Instant cutoff = Instant.now().minus(LockFiles.STALE_AFTER);
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(RepositoryCreation::isStaging).toList()) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                    FileTrees.delete(entry);
                }
            }
        }
    }

    static boolean isStaging(Path entry) {
        return entry.getFileName().toString().startsWith(INIT_PREFIX);
    }


    /**
     * Removes an output repository that holds no commit at all, which a run that failed before it
     * committed anything (its remote could not be fetched) leaves behind: the folder is then as
     * the run found it, or gone when the run made it. A repository with any ref is never touched.
     * Best effort: what cannot be removed stays, and the next run takes it over as before.
     */
    static void removeIfEmpty(Path directory) {
        Path gitDir = directory.resolve(Constants.DOT_GIT);
        if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS) || !OwnershipMarker.isMarked(gitDir)) {
            return;
        }
        try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true)
                .build()) {
            if (!repository.getRefDatabase().getRefsByPrefix(Constants.R_REFS).isEmpty()) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        try {
            org.eclipse.jgit.util.FileUtils.delete(gitDir.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
            try (Stream<Path> left = Files.list(directory)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            }
        } catch (IOException e) {
            // Left as it was: the next run opens it and carries on.
        }
    }
}
