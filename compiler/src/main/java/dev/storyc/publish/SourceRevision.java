package dev.storyc.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Describes the workspace's own git state for the {@code Storyc-Source} trailer. */
public final class SourceRevision {
    private SourceRevision() {}

    /**
     * Returns the workspace's HEAD commit id, with {@code +dirty} when the workspace's files differ
     * from it, or {@code none} when the workspace is not in a git repository. Only the workspace's
     * own files count: not the rest of a repository it is a folder of, not {@code outputs} (the
     * output folders, which a compile itself writes into the workspace unless git ignores them),
     * and not names starting with a dot, which a load skips ({@code .storyc/}, an editor's swap
     * file). Without that, every compile in a workspace whose {@code .gitignore} lacked {@code
     * out/} was dirty. A file git ignores counts where storyc reads it, in a story or a release.
     */
    public static String describe(Path workspace, Collection<Path> outputs) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workspace.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return "none";
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return "none";
            }
            Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            Path root = workspace.toAbsolutePath().normalize();
            List<String> ignored = new ArrayList<>();
            outputs.forEach(output -> ignored.add(prefix(top, root.resolve(output).normalize())));
            String inside = prefix(top, root);
            // Only the workspace's folder: in a monorepo, a status of the whole repository walked
            // every other project's files for an answer that ignores them.
            StatusCommand command = Git.wrap(repository).status();
            if (!inside.isEmpty()) {
                command.addPath(inside.substring(0, inside.length() - 1));
            }
            Status status = command.call();
            boolean changed = Stream.of(status.getAdded(), status.getChanged(), status.getModified(),
                            status.getMissing(), status.getRemoved(), status.getUntracked(), status.getConflicting())
                    .flatMap(Set::stream)
                    .anyMatch(path -> readByStoryc(path, inside)
                            && ignored.stream().noneMatch(folder -> (path + "/").startsWith(folder)));
            // A file git ignores in a story is compiled all the same, and no commit holds it.
            boolean ignoredRead = status.getIgnoredNotInIndex().stream()
                    .anyMatch(path -> readByStoryc(path, inside) && READ_FOLDERS.stream()
                            .anyMatch(folder -> (path + "/").startsWith(inside + folder)));
            return head.name() + (changed || ignoredRead ? "+dirty" : "");
        } catch (IOException | GitAPIException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The folders whose files a compile reads, besides environments.toml, its imports and storyc.toml. */
    private static final List<String> READ_FOLDERS = List.of("stories/", "releases/", "partials/", "model/");

    /**
     * Returns whether a repository path is a workspace file storyc could read: inside the
     * workspace, and with no name that starts with a dot (an editor's swap file, .storyc/), which
     * a load skips.
     */
    private static boolean readByStoryc(String path, String inside) {
        if (!(path + "/").startsWith(inside)) {
            return false;
        }
        for (String name : path.substring(inside.length()).split("/")) {
            if (name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code folder} relative to the repository's top, with a closing slash, or "" for the top. */
    private static String prefix(Path top, Path folder) {
        String relative = top.relativize(folder).toString().replace('\\', '/');
        return relative.isEmpty() ? "" : relative + "/";
    }
}
