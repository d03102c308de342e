package dev.storyc.placement;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rules for where output repositories may live. storyc replaces the whole tree of an output
 * repository on every compile, so a folder chosen wrongly is a folder emptied:
 *
 * <ul>
 *   <li>The output root is a folder inside the workspace, unless {@code compile --out} names it
 *       (E0702); it is never the workspace itself or a folder that holds it (E0703).
 *   <li>No output folder (nor the root) is the workspace, holds the workspace (E0703), or overlaps
 *       a source path: {@code stories/}, {@code releases/}, {@code partials/}, {@code .git},
 *       environments.toml and every file the workspace loaded; no folder is named {@code .git}
 *       (E0704).
 *   <li>An {@code output.path} lies inside the output root (E0705).
 *   <li>No two environments share a folder or nest one inside the other (E0706), nor push to the
 *       same remote (E0707).
 *   <li>{@code output.branch} is a branch name git accepts (E0708).
 * </ul>
 *
 * <p>Pure: paths are compared as values, after normalisation; the disk is the publishing edge's.
 */
public final class Placement {
    /** Folders of a workspace that storyc reads, whether or not they exist yet. */
    static final List<String> SOURCE_FOLDERS =
            List.of(
                    "stories",
                    "releases",
                    "partials",
                    "model",
                    ".git",
                    "environments.toml",
                    "storyc.toml");

    private final Path workspace;
    private final List<Path> sources;
    private final Predicate<String> validBranch;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /**
     * Environments whose folder broke a rule of its own; comparing it with others would only repeat
     * that.
     */
    private final java.util.Set<String> misplaced = new java.util.HashSet<>();

    private Placement(Path workspace, List<Path> sources, Predicate<String> validBranch) {
        this.workspace = workspace;
        this.sources = sources;
        this.validBranch = validBranch;
    }

    /**
     * Returns every rule the configuration breaks, as located errors; empty when storyc may write.
     *
     * @param workspace the workspace folder, absolute
     * @param sourceFiles the workspace-relative files the workspace loaded, beyond the fixed
     *     folders
     * @param validBranch git's rule for a branch name (the publishing edge supplies JGit's)
     */
    public static List<Diagnostic> check(
            Path workspace,
            OutputRoot root,
            List<OutputTarget> targets,
            List<String> sourceFiles,
            Predicate<String> validBranch) {
        Path base = workspace.toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>();
        SOURCE_FOLDERS.forEach(folder -> sources.add(base.resolve(folder)));
        sourceFiles.forEach(file -> sources.add(base.resolve(file).normalize()));
        Placement placement = new Placement(base, sources, validBranch);
        boolean rootUsable = placement.checkRoot(root);
        List<OutputTarget> sorted =
                targets.stream().sorted(Comparator.comparing(OutputTarget::environment)).toList();
        for (OutputTarget target : sorted) {
            if (target.fromOutputPath() || rootUsable) {
                int before = placement.diagnostics.size();
                placement.checkFolder(root, target);
                if (placement.diagnostics.size() > before) {
                    placement.misplaced.add(target.environment());
                }
            } else {
                placement.misplaced.add(target.environment());
            }
            if (!validBranch.test(target.branch())) {
                placement.error(
                        Code.OUTPUT_BRANCH_INVALID,
                        target.branchAt(),
                        "`output.branch` of `"
                                + target.environment()
                                + "` is `"
                                + target.branch()
                                + "`, which git does not accept as"
                                + " a branch name",
                        "use a name such as `main` or `release/production`: no `..`, `//`, spaces,"
                            + " `~^:?*[\\`, and no part that starts with `.` or ends with `.lock`"
                            + " or `/`");
            }
        }
        placement.checkShared(sorted);
        return List.copyOf(placement.diagnostics);
    }

    /** Checks the root; returns false when folders under it would only repeat its problem. */
    private boolean checkRoot(OutputRoot root) {
        Path folder = root.folder();
        if (folder.equals(workspace) || workspace.startsWith(folder)) {
            error(
                    Code.OUTPUT_FOLDER_IS_WORKSPACE,
                    root.setAt(),
                    "the output root `"
                            + show(folder)
                            + "` is "
                            + (folder.equals(workspace)
                                    ? "the workspace itself"
                                    : "a folder that holds the workspace")
                            + ": output repositories would sit among the sources",
                    "use a folder such as `out`");
            return false;
        }
        if (!root.explicit() && !folder.startsWith(workspace)) {
            error(
                    Code.OUTPUT_ROOT_OUTSIDE_WORKSPACE,
                    root.setAt(),
                    "the output root `" + show(folder) + "` is outside the workspace",
                    "the `output` setting must name a folder inside the workspace, whichever file,"
                            + " variable or -D sets it; to write elsewhere on purpose, pass `storyc"
                            + " compile --out DIR`");
            return false;
        }
        for (Path source : sources) {
            if (folder.startsWith(source) || source.startsWith(folder)) {
                error(
                        Code.OUTPUT_FOLDER_IN_SOURCES,
                        root.setAt(),
                        "the output root `" + show(folder) + "` " + overlap(folder, source),
                        "use a folder of its own, such as `out`");
                return false;
            }
        }
        return true;
    }

    private void checkFolder(OutputRoot root, OutputTarget target) {
        Path folder = target.folder();
        String what =
                target.fromOutputPath()
                        ? "`output.path` of `" + target.environment() + "`"
                        : "the output folder of `" + target.environment() + "`";
        if (folder.equals(workspace) || workspace.startsWith(folder)) {
            error(
                    Code.OUTPUT_FOLDER_IS_WORKSPACE,
                    target.folderAt(),
                    what
                            + " is `"
                            + show(folder)
                            + "`, "
                            + (folder.equals(workspace)
                                    ? "the workspace itself"
                                    : "a folder that holds the workspace")
                            + ": compiling would replace environments.toml and stories/ with"
                            + " generated files",
                    "remove `output.path`, or set it to a folder inside `"
                            + show(root.folder())
                            + "`");
            return;
        }
        if (folder.startsWith(workspace)
                && namesGit(workspace.relativize(folder))) {
            error(
                    Code.OUTPUT_FOLDER_IN_SOURCES,
                    target.folderAt(),
                    what
                            + " is `"
                            + show(folder)
                            + "`, inside or named `.git`: git keeps its own data there",
                    "choose a folder of its own");
            return;
        }
        for (Path source : sources) {
            if (folder.startsWith(source) || source.startsWith(folder)) {
                error(
                        Code.OUTPUT_FOLDER_IN_SOURCES,
                        target.folderAt(),
                        what + " `" + show(folder) + "` " + overlap(folder, source),
                        "choose a folder inside `" + show(root.folder()) + "`");
                return;
            }
        }
        if (target.fromOutputPath()
                && (!folder.startsWith(root.folder()) || folder.equals(root.folder()))) {
            error(
                    Code.OUTPUT_FOLDER_OUTSIDE_ROOT,
                    target.folderAt(),
                    what
                            + " is `"
                            + show(folder)
                            + "`, which is not a folder inside the output root `"
                            + show(root.folder())
                            + "`",
                    "use a folder under `"
                            + show(root.folder())
                            + "`, such as `"
                            + show(root.folder().resolve(target.environment()))
                            + "`, or remove `output.path`");
        }
    }

    /**
     * Two environments may share neither a folder (nor nest one in the other) nor a remote. Found
     * through maps, by each folder's ancestors, so that thousands of environments cost thousands of
     * lookups rather than millions of comparisons.
     */
    private void checkShared(List<OutputTarget> targets) {
        Map<Path, OutputTarget> byFolder = new HashMap<>();
        for (OutputTarget target : targets) {
            if (misplaced.contains(target.environment())) {
                continue;
            }
            OutputTarget first = byFolder.putIfAbsent(target.folder(), target);
            if (first != null) {
                sharedFolder(first, target);
            }
        }
        for (OutputTarget target : targets) {
            if (misplaced.contains(target.environment())
                    || byFolder.get(target.folder()) != target) {
                continue;
            }
            for (Path outer = target.folder().getParent();
                    outer != null;
                    outer = outer.getParent()) {
                OutputTarget enclosing = byFolder.get(outer);
                if (enclosing != null) {
                    sharedFolder(enclosing, target);
                    break;
                }
            }
        }
        Map<String, OutputTarget> byRemote = new LinkedHashMap<>();
        for (OutputTarget target : targets) {
            if (target.remote().isEmpty()) {
                continue;
            }
            OutputTarget first =
                    byRemote.putIfAbsent(RemoteIdentity.of(target.remote().get()), target);
            if (first != null) {
                diagnostics.add(
                        Diagnostic.error(
                                        Code.OUTPUT_REMOTE_SHARED,
                                        target.remoteAt(),
                                        "`"
                                                + target.environment()
                                                + "` pushes to the same `output.remote` as `"
                                                + first.environment()
                                                + "`: one environment's commit would land in the"
                                                + " other's history")
                                .withHint("give each environment a repository of its own")
                                .withRelated(
                                        first.remoteAt(),
                                        "the remote of `" + first.environment() + "`"));
            }
        }
    }

    /**
     * Reports two environments whose folders are the same or nested, at the {@code output.path}
     * someone wrote rather than at a default folder.
     */
    private void sharedFolder(OutputTarget first, OutputTarget second) {
        boolean swap = first.fromOutputPath() && !second.fromOutputPath();
        OutputTarget reported = swap ? first : second;
        OutputTarget other = swap ? second : first;
        Path a = other.folder();
        Path b = reported.folder();
        String relation =
                a.equals(b)
                        ? "the same output folder `"
                                + show(a)
                                + "` as `"
                                + other.environment()
                                + "`"
                        : "an output folder nested with that of `"
                                + other.environment()
                                + "` (`"
                                + show(b)
                                + "` and `"
                                + show(a)
                                + "`)";
        diagnostics.add(
                Diagnostic.error(
                                Code.OUTPUT_FOLDER_SHARED,
                                reported.folderAt(),
                                "`"
                                        + reported.environment()
                                        + "` has "
                                        + relation
                                        + ": one environment's commit would land in the other's"
                                        + " history")
                        .withHint(
                                "give each environment a folder of its own; by default it is"
                                        + " `<output root>/<environment>`")
                        .withRelated(
                                other.folderAt(), "the folder of `" + other.environment() + "`"));
    }

    /** Returns true when any component of {@code relative} is {@code .git}. */
    private static boolean namesGit(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }

    private String overlap(Path folder, Path source) {
        String name = "`" + show(source) + "`";
        if (folder.equals(source)) {
            return "is the source path " + name;
        }
        return folder.startsWith(source)
                ? "is inside the source path " + name
                : "holds the source path " + name + ": compiling would delete it";
    }

    /** Shows a path relative to the workspace when it is inside it, so messages stay readable. */
    private String show(Path path) {
        if (path.startsWith(workspace) && !path.equals(workspace)) {
            return workspace.relativize(path).toString().replace('\\', '/');
        }
        return path.equals(workspace) ? "." : path.toString();
    }

    private void error(Code code, Position at, String message, String hint) {
        diagnostics.add(Diagnostic.error(code, at, message).withHint(hint));
    }
}
