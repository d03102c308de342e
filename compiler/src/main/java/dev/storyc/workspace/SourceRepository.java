package dev.storyc.workspace;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The git repository a workspace lives in, read as a source of stories: the tree a story has at
 * HEAD, whether it has uncommitted changes, and a story's files at a pinned tree. Reading pinned
 * trees from the object database, not the working tree, is what lets production compile exactly
 * what acceptance tested while main moves on.
 */
public final class SourceRepository implements AutoCloseable {
    /** How long fetching a shallow clone's history may take before storyc gives up on it. */
    private static final int FETCH_TIMEOUT_SECONDS = 600;

    private final Repository repository;
    private final String prefix;

    private SourceRepository(Repository repository, String prefix) {
        this.repository = repository;
        this.prefix = prefix;
    }

    /** Returns the repository that holds {@code workspace}, if it is in one. */
    public static Optional<SourceRepository> find(Path workspace) {
        Path absolute = workspace.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(absolute.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            Path top = repository.getWorkTree().toPath().toRealPath();
            String relative = top.relativize(absolute.toRealPath()).toString().replace('\\', '/');
            return Optional.of(new SourceRepository(repository, relative.isEmpty() ? "" : relative + "/"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether commit {@code older} comes strictly before {@code newer} in this repository's
     * history. False when either is unknown here (not fetched, or not a commit id) or they are equal.
     */
    public boolean isStrictlyBefore(String older, String newer) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId a = ObjectId.fromString(older);
            ObjectId b = ObjectId.fromString(newer);
            if (a.equals(b) || !repository.getObjectDatabase().has(a) || !repository.getObjectDatabase().has(b)) {
                return false;
            }
            return walk.isMergedInto(walk.parseCommit(a), walk.parseCommit(b));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Returns the git tree id of a workspace folder at HEAD, or empty when HEAD lacks it. */
    public Optional<String> treeAtHead(String workspaceFolder) {
        try {
            return entryAtHead(workspaceFolder, mode -> mode == FileMode.TREE).map(ObjectId::name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HEAD's tree, read once: a command never moves the workspace's HEAD. */
    private Optional<RevTree> headTree;

    private synchronized Optional<RevTree> headTree() throws IOException {
        if (headTree == null) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                headTree = Optional.empty();
            } else {
                try (RevWalk walk = new RevWalk(repository)) {
                    headTree = Optional.of(walk.parseCommit(head).getTree());
                }
            }
        }
        return headTree;
    }

    /** Returns the id of what HEAD holds at a workspace path, when it is of the kind asked for. */
    private Optional<ObjectId> entryAtHead(String workspacePath, java.util.function.Predicate<FileMode> kind)
            throws IOException {
        Optional<RevTree> tree = headTree();
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        try (TreeWalk entry = TreeWalk.forPath(repository, prefix + workspacePath, tree.get())) {
            return entry == null || !kind.test(entry.getFileMode(0)) ? Optional.empty()
                    : Optional.of(entry.getObjectId(0));
        }
    }

    /**
     * Returns whether git stores {@code workspaceFile} with LF line endings: what HEAD holds when it
     * has the file (a file committed with CRLF keeps them), else what {@code core.autocrlf} makes of
     * a new one. See {@link GitLineEndings}.
     */
    public boolean storesLf(String workspaceFile) {
        try {
            Optional<ObjectId> blob = entryAtHead(workspaceFile,
                    mode -> mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE);
            if (blob.isPresent()) {
                byte[] committed = repository.open(blob.get()).getBytes();
                for (int i = 0; i + 1 < committed.length; i++) {
                    if (committed[i] == '\r' && committed[i + 1] == '\n') {
                        return false;
                    }
                }
                return true;
            }
            return repository.getConfig().getEnum(ConfigConstants.CONFIG_CORE_SECTION, null,
                    ConfigConstants.CONFIG_KEY_AUTOCRLF, CoreConfig.AutoCRLF.FALSE) != CoreConfig.AutoCRLF.FALSE;
        } catch (IOException | RuntimeException e) {
            // Unreadable: the bytes on disk are all there is to go by.
            return false;
        }
    }

    /**
     * What a workspace folder holds that its committed tree does not, as a workspace load would
     * read it (names starting with `.` are skipped): uncommitted and untracked files, and files git
     * ignores, which a compile reads but a pin of the folder's tree leaves out. One `git status`.
     */
    public record Unpinned(List<String> uncommitted, List<String> ignored) {}

    /** Returns what {@code workspaceFolder} holds beyond its committed tree; see {@link Unpinned}. */
    public Unpinned unpinned(String workspaceFolder) {
        Status status = status(workspaceFolder);
        List<String> changed = new ArrayList<>(status.getUncommittedChanges());
        changed.addAll(status.getUntracked());
        return new Unpinned(read(changed), read(status.getIgnoredNotInIndex()));
    }

    private Status status(String workspaceFolder) {
        try {
            return Git.wrap(repository).status().addPath(prefix + workspaceFolder).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("git status failed: " + e.getMessage(), e);
        }
    }

    /** Returns the paths a workspace load reads, sorted: names starting with `.` are skipped. */
    private static List<String> read(java.util.Collection<String> paths) {
        return paths.stream()
                .filter(path -> java.util.Arrays.stream(path.split("/")).noneMatch(part -> part.startsWith(".")))
                .sorted()
                .toList();
    }

    /** Returns true when this is a shallow clone: commits beyond its depth are not in it. */
    public boolean isShallow() {
        return java.nio.file.Files.isRegularFile(repository.getDirectory().toPath().resolve("shallow"));
    }

    /**
     * Fetches the history a shallow clone left out, from the remote the current branch tracks
     * (else {@code origin}), with {@code git fetch --unshallow}; returns why it could not, if it
     * could not. The git command, not JGit, does this fetch, so that it uses the credentials the
     * clone itself was made with (credential helpers, and the auth header CI checkouts configure).
     */
    public Optional<String> fetchFullHistory() {
        String remote = remoteName();
        if (repository.getConfig().getString("remote", remote, "url") == null) {
            return Optional.of("the clone has no remote `" + remote + "` to fetch from");
        }
        ProcessBuilder builder = new ProcessBuilder("git", "fetch", "--unshallow", "--quiet", "--no-tags", remote)
                .directory(repository.getWorkTree()).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(FETCH_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("`git fetch --unshallow " + remote + "` took longer than " + FETCH_TIMEOUT_SECONDS
                        + " s");
            }
            if (process.exitValue() != 0) {
                return Optional.of("`git fetch --unshallow " + remote + "` failed: " + output.strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot run `git fetch`: " + FileReads.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while fetching");
        }
    }

    /** Returns the remote the current branch tracks, else {@code origin}. */
    public String remoteName() {
        try {
            String branch = repository.getBranch();
            String tracked = branch == null ? null : repository.getConfig().getString("branch", branch, "remote");
            return tracked == null || tracked.equals(".") ? "origin" : tracked;
        } catch (IOException e) {
            return "origin";
        }
    }

    /** Returns true when the object database holds this tree. */
    public boolean hasTree(String treeId) {
        try {
            ObjectId id = ObjectId.fromString(treeId);
            return repository.getObjectDatabase().has(id)
                    && repository.open(id).getType() == Constants.OBJ_TREE;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Returns the files of a tree as workspace files under {@code folder}, decoded as UTF-8 with
     * the same rules as the working tree; empty when the object database lacks the tree.
     */
    public Optional<List<SourceFile>> filesAt(String treeId, String folder, Diagnostics diagnostics) {
        if (!hasTree(treeId)) {
            return Optional.empty();
        }
        List<SourceFile> files = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(ObjectId.fromString(treeId));
            walk.setRecursive(true);
            while (walk.next()) {
                if (walk.getPathString().startsWith(".") || walk.getPathString().contains("/.")) {
                    continue; // hidden files are skipped in the working tree too
                }
                String path = folder + "/" + walk.getPathString();
                if (walk.getFileMode(0) != FileMode.REGULAR_FILE && walk.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    // git keeps a link as its target's name: compiled, the name would be the file.
                    diagnostics.add(Diagnostic.error(Code.NOT_A_FILE, Position.ofFile(path),
                                    "`" + path + "` is a symbolic link in the tree " + treeId.substring(0, 12)
                                            + " pins, which holds the link, not the file it leads to")
                            .withHint("put the file itself in the story, commit, and seal the release again"));
                    continue;
                }
                byte[] bytes = repository.open(walk.getObjectId(0)).getBytes();
                SourceText.decode(path, bytes, diagnostics).ifPresent(files::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(files);
    }

    /**
     * Writes the workspace as commit {@code ref} has it (a branch, tag or commit id) into the empty
     * folder {@code target}, and links {@code target} to this repository with a {@code .git} file,
     * so that a release sealed at that commit still finds its pinned trees. Returns the commit id,
     * or empty when {@code ref} names no commit or the commit lacks the workspace folder.
     */
    public Optional<String> exportWorkspace(String ref, Path target) {
        ObjectId commitId;
        try {
            commitId = repository.resolve(ref + "^{commit}");
        } catch (IOException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
            return Optional.empty(); // ambiguous, not a commit, or not a revision at all
        }
        if (commitId == null) {
            return Optional.empty();
        }
        try {
            try (RevWalk revisions = new RevWalk(repository);
                    TreeWalk walk = new TreeWalk(repository)) {
                RevCommit commit = revisions.parseCommit(commitId);
                walk.addTree(commit.getTree());
                walk.setRecursive(true);
                boolean found = false;
                while (walk.next()) {
                    String path = walk.getPathString();
                    if (!path.startsWith(prefix) || walk.getFileMode(0) != FileMode.REGULAR_FILE
                            && walk.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                        continue;
                    }
                    found = true;
                    Path file = target.resolve(path.substring(prefix.length()));
                    java.nio.file.Files.createDirectories(file.getParent());
                    byte[] bytes = repository.open(walk.getObjectId(0)).getBytes();
                    java.nio.file.Files.write(file, bytes);
                }
                if (!found) {
                    return Optional.empty();
                }
                java.nio.file.Files.writeString(target.resolve(".git"),
                        "gitdir: " + repository.getDirectory().getAbsolutePath() + "\n");
                return Optional.of(commit.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
