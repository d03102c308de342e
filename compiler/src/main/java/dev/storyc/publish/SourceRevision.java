package dev.storyc.publish;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Describes the workspace's own git state for the {@code Storyc-Source} trailer. */
public final class SourceRevision {
    private SourceRevision() {}

    /**
     * Returns the workspace's HEAD commit id, with {@code +dirty} when the work tree differs from it,
     * or {@code none} when the workspace is not in a git repository.
     */
    public static String describe(Path workspace) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workspace.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return "none";
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return "none";
            }
            boolean clean = Git.wrap(repository).status().call().isClean();
            return head.name() + (clean ? "" : "+dirty");
        } catch (IOException | GitAPIException | RuntimeException e) {
            return "unknown";
        }
    }
}
