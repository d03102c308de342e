package dev.storyc.workspace;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Printable;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Loads a workspace from disk into memory. This is the only place that reads a user's files, so it
 * is also where paths are policed: a symlink that leads outside the workspace is refused, since
 * following it would publish files the user never meant to ship.
 */
public final class WorkspaceLoader {

    private final Path root;
    private final Path realRoot;
    private final Diagnostics diagnostics = new Diagnostics();
    private final List<SourceFile> rejected = new ArrayList<>();
    private final StoryStamps stamps;
    private final ManifestMemo manifests;
    private final GitLineEndings lineEndings;

    private WorkspaceLoader(Path root, StoryStamps stamps, ManifestMemo manifests)
            throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
        this.stamps = stamps;
        this.manifests = manifests;
        this.lineEndings = new GitLineEndings(root);
    }

    /** Loads the workspace at {@code root}; problems with individual files are diagnostics. */
    public static Result<Workspace> load(Path root, Stdlib stdlib) {
        return load(root, stdlib, StoryStamps.NONE, ManifestMemo.NONE);
    }

    /**
     * Loads the workspace at {@code root} as {@link #load(Path, Stdlib)} does, stamps each story's
     * files into {@code stamps} just after reading them, and parses story manifests through
     * {@code manifests}.
     */
    public static Result<Workspace> load(Path root, Stdlib stdlib, StoryStamps stamps,
            ManifestMemo manifests) {
        if (!Files.isDirectory(root)) {
            return Result.failed(List.of(Diagnostic.error(Code.WORKSPACE_NOT_FOUND, Position.ofFile(root.toString()),
                            "no workspace at `" + root + "`")
                    .withHint("run storyc in a workspace folder, or pass --project DIR")));
        }
        try {
            WorkspaceLoader loader = new WorkspaceLoader(root, stamps, manifests);
            try {
                return loader.load(stdlib);
            } finally {
                if (loader.lineEndings.readAnyThroughGit()) {
                    stamps.readThroughGit();
                }
                loader.lineEndings.close();
            }
        } catch (IOException e) {
            return Result.failed(List.of(Diagnostic.error(Code.FILE_UNREADABLE, Position.ofFile(root.toString()),
                    "cannot read the workspace: " + FileReads.reason(e))));
        }
    }

    /**
     * Loads what the environments are made of, and no story, release, partial or model file: the
     * environment names for shell completion come from here, in a fraction of a second however
     * many stories there are. The workspace it returns is not one to compile.
     */
    public static Result<Workspace> loadConfiguration(Path root, Stdlib stdlib) {
        if (!Files.isDirectory(root)) {
            return Result.failed(List.of(Diagnostic.error(Code.WORKSPACE_NOT_FOUND, Position.ofFile(root.toString()),
                    "no workspace at `" + root + "`")));
        }
        try {
            WorkspaceLoader loader = new WorkspaceLoader(root, StoryStamps.NONE, ManifestMemo.NONE);
            try {
                Optional<SourceFile> environments = loader.readEnvironments();
                if (environments.isEmpty()) {
                    return Result.failed(loader.diagnostics.all());
                }
                Workspace workspace = new Workspace(environments, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                        loader.readIfPresent("storyc.toml"), stdlib, loader.readImports(environments.get()),
                        List.of(), new TreeMap<>());
                return Result.of(workspace, loader.diagnostics);
            } finally {
                loader.lineEndings.close();
            }
        } catch (IOException e) {
            return Result.failed(List.of(Diagnostic.error(Code.FILE_UNREADABLE, Position.ofFile(root.toString()),
                    "cannot read the workspace: " + FileReads.reason(e))));
        }
    }

    private Result<Workspace> load(Stdlib stdlib) throws IOException {
        Optional<SourceFile> environments = readEnvironments();
        if (environments.isEmpty()) {
            return Result.failed(diagnostics.all());
        }
        Map<StoryId, Story> stories = loadStories();
        Map<String, SourceFile> releases = new TreeMap<>(NaturalOrder.INSTANCE);
        releaseFolders();
        for (SourceFile file : readTree("releases")) {
            if (file.path().endsWith(".toml") && file.path().indexOf('/', "releases/".length()) < 0) {
                String name = file.path().substring("releases/".length(), file.path().length() - ".toml".length());
                releases.put(name, file);
            }
        }
        Map<String, SourceFile> partials = new TreeMap<>();
        for (SourceFile file : readTree("partials")) {
            if (file.path().endsWith(".mustache")) {
                String name = file.path().substring("partials/".length(), file.path().length() - ".mustache".length());
                partials.put(name, file);
            }
        }
        // model/*.lkml: model-level LookML (access grants, datagroups, ...) declared once for every environment
        SortedMap<String, SourceFile> modelFiles = new TreeMap<>();
        for (SourceFile file : readTree("model")) {
            if (file.path().endsWith(".lkml") && file.path().indexOf('/', "model/".length()) < 0) {
                modelFiles.put(file.path(), file);
            }
        }
        Optional<SourceFile> settings = readIfPresent("storyc.toml");
        Workspace workspace = new Workspace(environments, new TreeMap<>(stories), new TreeMap<>(releases), partials,
                settings, stdlib, readImports(environments.get()), rejected, modelFiles);
        return Result.of(workspace, diagnostics);
    }

    /** Reads environments.toml, or reports why this folder is not a workspace and returns empty. */
    private Optional<SourceFile> readEnvironments() throws IOException {
        Optional<SourceFile> environments = readIfPresent("environments.toml");
        if (environments.isEmpty() && !diagnostics.hasErrors()) {
            // When the file is there but unreadable (not UTF-8, a link outside), that is the whole story.
            diagnostics.add(notAWorkspace(root));
        }
        return environments;
    }

    /** Returns the problem of a folder with no environments.toml, for any command that needs one. */
    public static Diagnostic notAWorkspace(Path root) {
        return Diagnostic.error(Code.WORKSPACE_NOT_FOUND, Position.ofFile("environments.toml"),
                        "`" + root + "` is not a storyc workspace: it has no environments.toml")
                .withHint("run storyc in a workspace folder, or pass --project DIR");
    }

    /**
     * Reads the files that environments.toml imports. Only the paths are taken from it here; the
     * config stage checks everything else and reports at the import's line. A path that is
     * absolute, climbs out with `..`, or reaches a link that leads outside is never read.
     */
    private SortedMap<String, ImportedFile> readImports(SourceFile environments) {
        SortedMap<String, ImportedFile> imports = new TreeMap<>();
        TomlParseResult toml = Toml.parse(environments.text());
        if (toml.hasErrors() || !toml.isArray("imports")) {
            return imports;
        }
        TomlArray list = toml.getArray("imports");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof TomlTable entry && entry.isString("path")) {
                String relative = entry.getString("path");
                imports.computeIfAbsent(relative, this::readImport);
            }
        }
        return imports;
    }

    private ImportedFile readImport(String relative) {
        Optional<String> problem = ImportPaths.problemWith(relative);
        if (problem.isPresent()) {
            return new ImportedFile.Escapes(problem.get());
        }
        Path path = root.resolve(relative);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new ImportedFile.Missing();
        }
        if (!insideWorkspace(path)) {
            return new ImportedFile.Escapes("it is a link that leads outside the workspace");
        }
        if (!Files.isRegularFile(path)) {
            return new ImportedFile.Unreadable("it is not a regular file");
        }
        try {
            byte[] bytes = FileReads.readBounded(path);
            return SourceText.decode(relative, bytes, diagnostics).flatMap(file -> asCommitted(file, diagnostics))
                    .<ImportedFile>map(source -> new ImportedFile.Loaded(source, Sha256.hex(bytes)))
                    .orElse(new ImportedFile.Unreadable("it is not valid UTF-8"));
        } catch (IOException e) {
            return new ImportedFile.Unreadable(FileReads.reason(e));
        }
    }

    private Map<StoryId, Story> loadStories() throws IOException {
        Map<StoryId, Story> stories = new TreeMap<>();
        Path storiesDir = root.resolve("stories");
        if (!Files.isDirectory(storiesDir)) {
            return stories;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(storiesDir)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        for (FolderLoad load : loadInParallel(folders)) {
            diagnostics.addAll(load.diagnostics().all());
            rejected.addAll(load.rejected());
            load.story().ifPresent(story -> stories.put(story.id(), story));
        }
        return stories;
    }

    /**
     * What loading one story folder found: the story, or the files it could not assemble into one,
     * and the problems, kept apart so that folders can load on two threads and be merged in order.
     */
    private record FolderLoad(Optional<Story> story, List<SourceFile> rejected,
            Diagnostics diagnostics) {}

    /**
     * Loads the story folders, in their order, on the common fork-join pool: reading a story is
     * mostly system calls and decoding, which a second processor halves, and the caller's second
     * processor is otherwise idle here. A parallel stream keeps the folders' order, so nothing
     * depends on which thread loaded what.
     */
    private List<FolderLoad> loadInParallel(List<Path> folders) throws IOException {
        try {
            return folders.parallelStream().map(folder -> {
                try {
                    return loadFolder(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private FolderLoad loadFolder(Path folder) throws IOException {
        Diagnostics found = new Diagnostics();
        String name = folder.getFileName().toString();
        if (!StoryId.isValid(name)) {
            found.add(Diagnostic.error(Code.INVALID_STORY_ID, Position.ofFile("stories/" + name),
                            "story folder `" + name + "` is not a valid story id")
                    .withHint(name.length() > StoryId.MAX_LENGTH
                            ? "story ids are at most " + StoryId.MAX_LENGTH + " characters, as the warehouse"
                                    + " registry keeps them; this one has " + name.length()
                            : "story ids match [a-z][a-z0-9-]*; rename the folder, e.g. to `"
                                    + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^[^a-z]+", "")
                                    + "`"));
            return new FolderLoad(Optional.empty(), List.of(), found);
        }
        StoryId id = new StoryId(name);
        List<SourceFile> files = readTree("stories/" + id, found);
        if (lineEndings.readThroughGit(files)) {
            stamps.readThroughGit();
        } else {
            stamps.stamp(id, root, files);
        }
        Optional<Story> story = StoryAssembler.assemble(id, files, found, manifests);
        return new FolderLoad(story, story.isEmpty() ? files : List.of(), found);
    }

    /** Reads as {@link #readTree(String, Diagnostics)} does, reporting into the workspace's diagnostics. */
    private List<SourceFile> readTree(String folder) throws IOException {
        return readTree(folder, diagnostics);
    }

    /**
     * Reads every regular file below a workspace folder, sorted by path, skipping dot-files and
     * dot-folders, and reports its problems into {@code found}.
     *
     * <p>The walk does not follow links, so every folder it enters is a real one inside {@code
     * dir}: a file that is not a link is inside the workspace exactly when {@code dir} is. Only
     * links are resolved one by one, which spares each file a {@code realpath} (a {@code readlink}
     * per component of its path: 63,000 system calls for the 9,000 files of 1,000 stories).
     */
    private List<SourceFile> readTree(String folder, Diagnostics found) throws IOException {
        Path dir = root.resolve(folder);
        List<SourceFile> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                return !folder.equals(dir) && isHidden(folder) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                if (!isHidden(path)) {
                    entries.add(new Entry(path, attributes));
                }
                return FileVisitResult.CONTINUE;
            }

            /** A folder or file the walk cannot read is reported where it is, and passed over. */
            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) {
                String relative = relativePath(path);
                found.error(Code.FILE_UNREADABLE, Position.ofFile(relative),
                        "cannot read `" + relative + "`: " + FileReads.reason(e));
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(Entry::path));
        boolean dirInside = insideWorkspace(dir);
        for (Entry entry : entries) {
            Path path = entry.path();
            boolean link = entry.attributes().isSymbolicLink();
            String relative = relativePath(path);
            if (relative.indexOf('\uFFFD') >= 0 && !Files.exists(root.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
                // Java reads a name's bytes that are not UTF-8 as U+FFFD, so the output would get
                // another name than the file's, and two such names one name. A name that truly holds
                // U+FFFD is found again under its own spelling; one with bad bytes is not.
                found.error(Code.INVALID_UTF8, Position.ofFile(relative), "the name of `" + Printable.escaped(relative)
                        + "` is not valid UTF-8");
                continue;
            }
            if (link && !Files.exists(path)) {
                found.error(Code.FILE_UNREADABLE, Position.ofFile(relative), "cannot read `" + relative
                        + "`: it is a link to nothing (its target is missing, or the links loop)");
                continue;
            }
            boolean inside = link ? insideWorkspace(path) : dirInside;
            if (!inside) {
                found.add(Diagnostic.error(Code.PATH_ESCAPES_WORKSPACE, Position.ofFile(relative),
                                "`" + relative + "` is a link that leads outside the workspace")
                        .withHint("copy the file into the workspace instead of linking to it"));
                continue;
            }
            if (link ? Files.isRegularFile(path) : entry.attributes().isRegularFile()) {
                read(path, relative, found).ifPresent(result::add);
            } else {
                // The walk does not follow links, so a linked folder's files would silently be
                // missing; and a pipe or device is no source file.
                found.add(Diagnostic.error(Code.NOT_A_FILE, Position.ofFile(relative), "`" + relative + "` is "
                                + (link ? "a link to a folder, which storyc does not follow"
                                        : "not a regular file (a pipe, socket or device)"))
                        .withHint(link ? "move the folder here instead of linking to it: git, and so a sealed"
                                + " release, keeps a link as a link" : "remove it"));
            }
        }
        return result;
    }

    /** An entry of a walk, with the attributes the walk read (of a link itself, not its target). */
    private record Entry(Path path, BasicFileAttributes attributes) {}

    /** Returns whether an entry is a dot-file or dot-folder, which the loader never reads. */
    private static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }

    private boolean insideWorkspace(Path path) {
        try {
            return path.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            // A dangling link leads nowhere inside the workspace either.
            return false;
        }
    }

    /** Reports a folder named like a release, {@code releases/X.toml}, which was silently skipped. */
    private void releaseFolders() throws IOException {
        Path folder = root.resolve("releases");
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var entries = Files.list(folder)) {
            entries.filter(entry -> entry.getFileName().toString().endsWith(".toml")
                            && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .forEach(entry -> diagnostics.add(Diagnostic.error(Code.NOT_A_FILE,
                                    Position.ofFile("releases/" + entry.getFileName()),
                                    "`releases/" + entry.getFileName() + "` is a folder, where a release is a file")
                            .withHint("a release is one file, releases/<name>.toml; move the folder away")));
        }
    }

    private Optional<SourceFile> readIfPresent(String relative) {
        Path path = root.resolve(relative);
        if (Files.isDirectory(path)) {
            // A folder where the file belongs was taken for no file at all (round 18): no settings,
            // or "not a workspace", without a word about the folder.
            diagnostics.add(Diagnostic.error(Code.NOT_A_FILE, Position.ofFile(relative),
                            "`" + relative + "` is a folder, where storyc reads a file")
                    .withHint("move the folder away, and write " + relative + " as a file"));
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        if (!insideWorkspace(path)) {
            diagnostics.error(Code.PATH_ESCAPES_WORKSPACE, Position.ofFile(relative),
                    "`" + relative + "` is a link that leads outside the workspace");
            return Optional.empty();
        }
        return read(path, relative);
    }

    private Optional<SourceFile> read(Path path, String relative) {
        return read(path, relative, diagnostics);
    }

    private Optional<SourceFile> read(Path path, String relative, Diagnostics found) {
        try {
            return SourceText.decode(relative, FileReads.readBounded(path), found).flatMap(file -> asCommitted(file, found));
        } catch (IOException e) {
            found.error(Code.FILE_UNREADABLE, Position.ofFile(relative), "cannot read `" + relative + "`: "
                    + FileReads.reason(e));
            return Optional.empty();
        }
    }

    /**
     * Returns a working-tree file's text as git would commit it ({@link GitLineEndings}), or
     * refuses it at a merge conflict marker. Only the working tree is held to either: a pinned
     * tree is what a sealed release deployed, read as it is.
     */
    private Optional<SourceFile> asCommitted(SourceFile file, Diagnostics found) {
        Optional<Integer> marker = SourceText.conflictMarker(file.text());
        if (marker.isPresent()) {
            found.add(Diagnostic.error(Code.MERGE_CONFLICT_MARKER, file.positionOf(marker.get()),
                            "`" + file.path() + "` holds an unresolved merge conflict: a line starts with `"
                                    + file.text().substring(marker.get(), marker.get() + 7) + "`")
                    .withHint("keep the lines you want, delete the marker lines, and git add the file"));
            return Optional.empty();
        }
        return Optional.of(lineEndings.asCommitted(file));
    }

    private String relativePath(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
