package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import dev.storyc.release.ManifestEditor;
import dev.storyc.release.PromotionEditor;
import dev.storyc.release.ReleaseDiff;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.ReleaseNames;
import dev.storyc.release.ReleaseParser;
import dev.storyc.release.ReleaseRules;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.StoryId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release}: weekly release manifests, edited line by line. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Manage release manifests (releases/<name>.toml): lists of story ids.",
                "Edits change only the touched lines; comments and layout survive."},
        subcommands = {ReleaseCommand.ListReleases.class, ReleaseCommand.Show.class, ReleaseCommand.New.class,
                ReleaseCommand.Add.class, ReleaseCommand.Drop.class, ReleaseCommand.Seal.class,
                ReleaseCommand.Diff.class, ReleaseCommand.Promote.class})
final class ReleaseCommand extends CommandGroup {

    /** Returns a parsed release, or prints why not and ends the command. */
    static ReleaseManifest load(Project project, String name, Console console) {
        SourceFile source = project.workspace().releases().get(name);
        if (source == null) {
            console.failure("release `" + name + "` does not exist",
                    Spelling.didYouMean(name, project.workspace().releases().keySet())
                            .orElse("`storyc release list` shows the releases; `storyc release new " + name
                                    + "` creates it"));
            throw new CommandFailure(ExitCode.USAGE);
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<ReleaseManifest> manifest = ReleaseParser.parse(name, source, diagnostics);
        if (manifest.isEmpty()) {
            console.diagnostics(diagnostics.all(), List.of(source));
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return manifest.get();
    }

    static List<String> environmentsUsing(Project project, String release) {
        return project.environments().all().stream().filter(e -> e.release().equals(release)).map(Environment::name)
                .toList();
    }

    static Path fileOf(Project project, String name) {
        return project.root().resolve("releases").resolve(name + ".toml");
    }

    static List<StoryId> ids(List<String> values, Console console) {
        List<StoryId> ids = new ArrayList<>();
        for (String value : values) {
            if (!StoryId.isValid(value)) {
                console.failure("`" + value + "` is not a story id", "story ids match [a-z][a-z0-9-]*");
                throw new CommandFailure(ExitCode.USAGE);
            }
            ids.add(new StoryId(value));
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /**
     * Applies one edit per story to a manifest and writes it once, or, when the rules found
     * problems, prints them and writes nothing.
     */
    static void edit(Project project, String name, List<StoryId> stories, List<Diagnostic> problems,
            java.util.function.BiFunction<ManifestEditor, StoryId, String> edit, Console console) {
        if (!problems.isEmpty()) {
            console.diagnostics(problems, project.workspace().allSources());
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        String text = project.workspace().releases().get(name).text();
        for (StoryId id : stories) {
            text = edit.apply(ManifestEditor.of(text), id);
        }
        if (!stories.isEmpty()) {
            WorkspaceFiles.write(fileOf(project, name), text, console);
        }
    }

    /** {@code storyc release list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List releases: how many stories, sealed or not, and the environments that use each.")
    static final class ListReleases implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            console.out().printf("%-14s %-8s %-9s %s%n", "RELEASE", "STORIES", "SEALED", "ENVIRONMENTS");
            for (String name : project.workspace().releases().keySet()) {
                ReleaseManifest manifest = load(project, name, console);
                List<String> environments = environmentsUsing(project, name);
                console.out().printf("%-14s %-8d %-9s %s%n", name, manifest.stories().size(),
                        manifest.isSealed() ? "yes" : "no", environments.isEmpty() ? "-" : String.join(", ", environments));
            }
            return ExitCode.OK;
        }
    }

    /** {@code storyc release show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a release's stories in order, with their pins and requirements.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        @Parameters(paramLabel = "NAME", description = "The release, such as 2026-W48.")
        String name;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            ReleaseManifest manifest = load(project, name, console);
            List<String> environments = environmentsUsing(project, name);
            console.out().printf("release %s  %s  used by %s%n", name, manifest.isSealed() ? "sealed" : "not sealed",
                    environments.isEmpty() ? "no environment" : String.join(", ", environments));
            for (ReleaseManifest.Entry entry : manifest.stories()) {
                String requires = project.workspace().story(entry.story())
                        .map(s -> s.manifest().requiredIds().stream().map(StoryId::value).collect(Collectors.joining(",")))
                        .orElse("?");
                console.out().printf("  %-22s %-12s requires %s%n", entry.story(),
                        Optional.ofNullable(manifest.pins().get(entry.story())).map(p -> p.substring(0, 12))
                                .orElse("unpinned"),
                        requires.isEmpty() ? "-" : requires);
            }
            return ExitCode.OK;
        }
    }

    /** {@code storyc release new NAME [--from PREV]} or {@code storyc release new --week}. */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Create a release manifest, empty or copied (unsealed) from another release.",
                    "With --week, name it after the ISO week following the newest YYYY-Www release."})
    static final class New implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        static final class Naming {
            @Parameters(paramLabel = "NAME", description = "The new release's name, such as 2026-W49.")
            String name;

            @Option(names = "--week", description = "Name it after the week following the newest weekly release.")
            boolean week;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Naming naming;

        @Option(names = "--from", paramLabel = "RELEASE",
                description = "Copy this release's stories. With --week, defaults to the newest weekly release.")
        String from;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            var existing = project.workspace().releases().keySet();
            String name = naming.week
                    ? ReleaseNames.nextWeek(existing).orElseThrow(() -> usage(console,
                            "there is no YYYY-Www release to follow", "name the release: storyc release new 2026-W49"))
                    : naming.name;
            String base = from != null ? from : naming.week ? ReleaseNames.newestWeek(existing).orElse(null) : null;
            if (!ReleaseNames.isValid(name)) {
                throw usage(console, "`" + name + "` is not a valid release name",
                        "use letters, digits, '.', '_' and '-', such as 2026-W49");
            }
            Path file = fileOf(project, name);
            if (existing.contains(name) || Files.exists(file)) {
                throw usage(console, "release `" + name + "` already exists", "edit it with release add and release drop");
            }
            String text;
            if (base == null) {
                text = "# Release " + name + ".\nstories = [\n]\n";
            } else {
                load(project, base, console);
                text = ManifestEditor.of(project.workspace().releases().get(base).text()).unsealed();
            }
            WorkspaceFiles.write(file, text, console);
            console.result("created releases/" + name + ".toml" + (base == null ? "" : " from " + base));
            return ExitCode.OK;
        }

        private static CommandFailure usage(Console console, String message, String hint) {
            console.failure(message, hint);
            return new CommandFailure(ExitCode.USAGE);
        }
    }

    /** {@code storyc release add NAME ID...}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add stories to a release, one line each, after the last one.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        @Parameters(index = "0", paramLabel = "NAME", description = "The release.")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "Story ids to add.")
        List<String> stories;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            ReleaseManifest manifest = load(project, name, console);
            List<StoryId> added = ids(stories, console).stream()
                    .filter(id -> manifest.positionOf(id).isEmpty()).toList();
            edit(project, name, added, ReleaseRules.checkAdd(manifest, added, project.workspace()),
                    (editor, id) -> editor.add(id), console);
            console.result(added.isEmpty() ? "nothing to add: release " + name + " already lists them"
                    : "added to " + name + ": " + added.stream().map(StoryId::value).collect(Collectors.joining(", "))
                            + (manifest.isSealed() ? " (unpinned until you seal " + name + " again)" : ""));
            return ExitCode.OK;
        }
    }

    /** {@code storyc release drop NAME ID...}. */
    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = {"Drop stories from a release, deleting their lines and pins.",
                    "Refused when a story that stays requires one that goes."})
    static final class Drop implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        @Parameters(index = "0", paramLabel = "NAME", description = "The release.")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "Story ids to drop.")
        List<String> stories;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            ReleaseManifest manifest = load(project, name, console);
            List<StoryId> dropped = ids(stories, console);
            edit(project, name, dropped, ReleaseRules.checkDrop(manifest, dropped, project.workspace()),
                    (editor, id) -> editor.drop(id), console);
            console.result("dropped from " + name + ": " + dropped.stream().map(StoryId::value)
                    .collect(Collectors.joining(", ")));
            return ExitCode.OK;
        }
    }

    /** {@code storyc release seal NAME}. */
    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = {"Pin every story of a release to its git tree at HEAD.",
                    "From then on every environment on the release compiles those trees, not the working tree.",
                    "Refused when a story has uncommitted changes or is not committed."})
    static final class Seal implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        @Parameters(paramLabel = "NAME", description = "The release to seal.")
        String name;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            ReleaseManifest manifest = load(project, name, console);
            Optional<SourceRepository> found = SourceRepository.find(project.root());
            if (found.isEmpty()) {
                console.failure("cannot seal `" + name + "`: the workspace is not in a git repository",
                        "sealing pins each story to a git tree; commit the workspace to git first");
                return ExitCode.OPERATION_FAILED;
            }
            List<Diagnostic> problems = new ArrayList<>();
            Map<StoryId, String> pins = new LinkedHashMap<>();
            try (SourceRepository repository = found.get()) {
                for (ReleaseManifest.Entry entry : manifest.stories()) {
                    String folder = "stories/" + entry.story();
                    if (project.workspace().story(entry.story()).isEmpty()) {
                        problems.add(Diagnostic.error(Code.SEAL_REFUSED, entry.position(),
                                "cannot seal: `" + entry.story() + "` has no folder under stories/"));
                        continue;
                    }
                    List<String> changes = repository.uncommittedChanges(folder);
                    if (!changes.isEmpty()) {
                        problems.add(Diagnostic.error(Code.SEAL_REFUSED, entry.position(),
                                        "cannot seal: `" + entry.story() + "` has uncommitted changes in "
                                                + String.join(", ", changes.stream().limit(3).toList())
                                                + (changes.size() > 3 ? " and " + (changes.size() - 3) + " more" : ""))
                                .withHint("commit or stash them, so the pin is exactly what you tested"));
                        continue;
                    }
                    Optional<String> tree = repository.treeAtHead(folder);
                    if (tree.isEmpty()) {
                        problems.add(Diagnostic.error(Code.SEAL_REFUSED, entry.position(),
                                        "cannot seal: `" + entry.story() + "` is not committed")
                                .withHint("commit " + folder + " first"));
                        continue;
                    }
                    pins.put(entry.story(), tree.get());
                }
            }
            if (!problems.isEmpty()) {
                console.diagnostics(problems, project.workspace().allSources());
                return ExitCode.PROJECT_ERRORS;
            }
            String text = ManifestEditor.of(project.workspace().releases().get(name).text()).seal(pins);
            WorkspaceFiles.write(fileOf(project, name), text, console);
            console.result("sealed " + name + ": " + pins.size() + " stories pinned to their trees at HEAD");
            return ExitCode.OK;
        }
    }

    /** {@code storyc release diff A B}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Show what changes from release A to release B: stories in and out, and for stories in",
                    "both, the files that differ between their pins (or the working tree, for an unsealed release)."})
    static final class Diff implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        @Parameters(index = "0", paramLabel = "A", description = "The older release.")
        String from;

        @Parameters(index = "1", paramLabel = "B", description = "The newer release.")
        String to;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            ReleaseManifest a = load(project, from, console);
            ReleaseManifest b = load(project, to, console);
            Optional<SourceRepository> repository = SourceRepository.find(project.root());
            try {
                ReleaseDiff diff = ReleaseDiff.between(a, b, (manifest, id) -> storyFiles(project, repository, manifest, id));
                console.out().printf("release %s -> %s%n", from, to);
                diff.added().forEach(id -> console.out().println("  + " + id));
                diff.removed().forEach(id -> console.out().println("  - " + id));
                diff.changed().forEach((id, changes) -> {
                    console.out().println("  ~ " + id);
                    changes.forEach(c -> console.out().println("      " + c.kind() + " " + c.path()));
                });
                if (diff.added().isEmpty() && diff.removed().isEmpty() && diff.changed().isEmpty()) {
                    console.out().println("  (no difference)");
                }
            } finally {
                repository.ifPresent(SourceRepository::close);
            }
            return ExitCode.OK;
        }

        /** Returns a story's files in a release: its pinned tree if sealed, else the working tree. */
        private static Map<String, String> storyFiles(Project project, Optional<SourceRepository> repository,
                ReleaseManifest manifest, StoryId id) {
            Map<String, String> files = new java.util.TreeMap<>();
            String pin = manifest.pins().get(id);
            if (pin != null && repository.isPresent()) {
                repository.get().filesAt(pin, "stories/" + id, new Diagnostics())
                        .ifPresent(list -> list.forEach(f -> files.put(f.path(), f.text())));
                return files;
            }
            project.workspace().story(id).ifPresent(story -> {
                files.put(story.manifestSource().path(), story.manifestSource().text());
                story.files().forEach(f -> files.put(f.source().path(), f.source().text()));
            });
            return files;
        }
    }

    /** {@code storyc release promote NAME --to ENV}. */
    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = {"Point an environment at a release by editing its `release` line in environments.toml.",
                    "Only that line changes. A protected environment takes only sealed releases."})
    static final class Promote implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;

        @Parameters(paramLabel = "NAME", description = "The release.")
        String name;

        @Option(names = "--to", required = true, paramLabel = "ENV", description = "The environment to point at it.")
        String environment;

        @Override
        public Integer call() {
            Console console = release.root.console();
            Project project = release.root.openProject();
            ReleaseManifest manifest = load(project, name, console);
            Environment target = project.environments().find(environment).orElseThrow(() -> {
                console.failure("environment `" + environment + "` is not defined in environments.toml",
                        Spelling.didYouMean(environment, project.environments().names())
                                .orElse("`storyc env list` shows the environments"));
                return new CommandFailure(ExitCode.USAGE);
            });
            if (target.isProtected() && !manifest.isSealed()) {
                console.failure("`" + environment + "` is protected and release `" + name + "` is not sealed; nothing"
                        + " was changed", "seal it first: storyc release seal " + name);
                return ExitCode.PROJECT_ERRORS;
            }
            String text = project.workspace().environments().orElseThrow().text();
            Optional<String> edited = PromotionEditor.promote(text, environment, name);
            if (edited.isEmpty()) {
                console.failure("`" + environment + "` has no [environments." + environment + "] table to edit",
                        "environments made from a template follow the template's release; edit environments.toml");
                return ExitCode.PROJECT_ERRORS;
            }
            if (!edited.get().equals(text)) {
                WorkspaceFiles.write(project.root().resolve("environments.toml"), edited.get(), console);
            }
            console.result(environment + " now uses release " + name + (target.release().equals(name) ? " (unchanged)"
                    : " (was " + target.release() + ")"));
            return ExitCode.OK;
        }
    }
}
