package dev.storyc.publish;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What only the disk can say about an output folder, before storyc creates or changes anything in
 * it: the half of the placement rules that {@code dev.storyc.placement} cannot see. Read-only, so
 * {@code storyc check} runs it too.
 *
 * <ul>
 *   <li>No component from the anchor (the workspace, or the folder that holds {@code --out}'s) down
 *       to the folder and its {@code .git} is a symbolic link (E0709): a link would carry the
 *       writes somewhere the rules never looked at.
 *   <li>A folder that holds a git repository is storyc's own (see {@link OwnershipMarker}), else
 *       E0710; a {@code .git} file (a worktree or submodule pointer) is never storyc's, nor is a
 *       folder that is itself a bare git repository (storyc's bare ones keep their {@code .git}).
 *       Nor may the folder lie inside another repository's working tree below the anchor (such as
 *       another environment's output repository), whose files it would become (E0710).
 *   <li>A folder that is not a repository is missing or empty, and no file stands on its way
 *       (an {@code out} that is a file), else E0711.
 * </ul>
 */
public final class OutputFolderInspection {
    private OutputFolderInspection() {}

    /**
     * Returns the problems with writing {@code environment}'s repository into {@code folder}.
     *
     * @param anchor the folder whose inside storyc checks for links: the workspace, or the parent
     *     of {@code --out}'s folder
     * @param at where the folder was configured, for the diagnostics
     */
    public static List<Diagnostic> inspect(
            Path anchor, Path folder, String environment, Position at) {
        List<Diagnostic> problems = new ArrayList<>();
        Path link = firstLink(anchor, folder);
        if (link != null) {
            problems.add(
                    Diagnostic.error(
                                    Code.OUTPUT_FOLDER_SYMLINK,
                                    at,
                                    "the output folder of `"
                                            + environment
                                            + "` is `"
                                            + folder
                                            + "`, and `"
                                            + link
                                            + "` on its way is a symbolic link")
                            .withHint(
                                    "storyc does not follow links when it writes; replace the link"
                                        + " with a real folder or choose another output folder"));
            return problems;
        }
        Path file = firstFileOnTheWay(anchor, folder);
        if (file != null) {
            problems.add(notEmpty(folder, environment, at, "cannot be made: `" + file + "` on its way is a file"));
            return problems;
        }
        Path enclosing = enclosingRepository(anchor, folder);
        if (enclosing != null) {
            problems.add(
                    foreign(folder, environment, at,
                            "is inside the git repository `" + enclosing + "`",
                            "an output repository inside another would turn up as files in"
                                    + " that one's working tree; choose a folder of its own"));
            return problems;
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return problems;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(notEmpty(folder, environment, at, "is a file"));
            return problems;
        }
        Path gitDir = folder.resolve(Constants.DOT_GIT);
        try {
            if (Files.exists(gitDir, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)
                        || !OwnershipMarker.isOwn(gitDir)) {
                    problems.add(
                            foreign(folder, environment, at,
                            "holds a git repository that storyc did not create",
                                    "storyc replaces the whole working tree of its repositories"
                                            + " and would lose this one's history and edits;"
                                            + " move it away, or choose another output folder"));
                }
                return problems;
            }
            if (isBareRepository(folder)) {
                problems.add(
                        foreign(folder, environment, at,
                            "holds a bare git repository that storyc did not create",
                                "storyc keeps a bare output repository as a .git folder of its"
                                        + " own (output.working_tree = false); move this one"
                                        + " away, or choose another output folder"));
            } else if (!onlyStaging(folder)) {
                problems.add(
                        notEmpty(
                                folder,
                                environment,
                                at,
                                "holds files and is not a git repository"));
            }
        } catch (IOException e) {
            problems.add(
                    Diagnostic.error(
                                    Code.OUTPUT_FOREIGN_REPOSITORY,
                                    at,
                                    "cannot read the output folder `"
                                            + folder
                                            + "` of `"
                                            + environment
                                            + "`: "
                                            + e.getMessage())
                            .withHint(
                                    "check its permissions; storyc writes only where it can tell"
                                        + " the folder is its own"));
        }
        return problems;
    }

    private static Diagnostic foreign(
            Path folder, String environment, Position at, String what, String hint) {
        return refused(Code.OUTPUT_FOREIGN_REPOSITORY, folder, environment, at, what, hint);
    }

    private static Diagnostic notEmpty(Path folder, String environment, Position at, String what) {
        return refused(
                Code.OUTPUT_FOLDER_NOT_EMPTY,
                folder,
                environment,
                at,
                what,
                "storyc only writes into repositories it created; move the folder away or"
                        + " choose another output folder");
    }

    /**
     * Refuses the folder with one sentence shape for every reason, so all of them read alike:
     * "the output folder of `env`, `folder`, <what>; nothing was written".
     */
    private static Diagnostic refused(
            Code code, Path folder, String environment, Position at, String what, String hint) {
        return Diagnostic.error(
                        code,
                        at,
                        "the output folder of `"
                                + environment
                                + "`, `"
                                + folder
                                + "`, "
                                + what
                                + "; nothing was written")
                .withHint(hint);
    }

    /** Returns the first symbolic link below {@code anchor} on the way to {@code folder}/.git. */
    private static Path firstLink(Path anchor, Path folder) {
        Path start = folder.startsWith(anchor) ? anchor : folder.getRoot();
        Path current = start;
        for (Path part : start.relativize(folder.resolve(Constants.DOT_GIT))) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return current;
            }
        }
        return null;
    }

    /**
     * Returns the first path strictly between the anchor and {@code folder} that exists and is no
     * folder, such as an {@code out} that is a file: the repository could not be made below it,
     * and check must say so rather than compile fail on it.
     */
    private static Path firstFileOnTheWay(Path anchor, Path folder) {
        return between(anchor, folder).filter(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).findFirst().orElse(null);
    }

    /**
     * Returns the folder strictly between the anchor and {@code folder} that holds a {@code .git}.
     */
    private static Path enclosingRepository(Path anchor, Path folder) {
        return between(anchor, folder).filter(path -> Files.exists(path.resolve(Constants.DOT_GIT),
                LinkOption.NOFOLLOW_LINKS) || isBareRepository(path)).findFirst().orElse(null);
    }

    /**
     * Returns the paths from the anchor's first child down to {@code folder}'s parent, outermost
     * first; none when {@code folder} is not below the anchor.
     */
    private static Stream<Path> between(Path anchor, Path folder) {
        if (!folder.startsWith(anchor) || folder.equals(anchor)) {
            return Stream.empty();
        }
        Path relative = anchor.relativize(folder);
        return java.util.stream.IntStream.range(1, relative.getNameCount())
                .mapToObj(count -> anchor.resolve(relative.subpath(0, count)));
    }

    /**
     * Returns true when {@code folder} is itself a git folder ({@code git init --bare}, a mirror):
     * storyc never makes one, since its bare repositories keep their {@code .git} folder.
     */
    static boolean isBareRepository(Path folder) {
        return Files.isRegularFile(folder.resolve(Constants.HEAD), LinkOption.NOFOLLOW_LINKS)
                && RepositoryCache.FileKey.isGitRepository(folder.toFile(), FS.DETECTED);
    }

    private static boolean onlyStaging(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(
                    e -> e.getFileName().toString().startsWith(RepositoryCreation.INIT_PREFIX));
        }
    }
}
