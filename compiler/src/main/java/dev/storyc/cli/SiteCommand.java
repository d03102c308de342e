package dev.storyc.cli;

import dev.storyc.check.Lineage;
import dev.storyc.compile.CompiledLineage;
import dev.storyc.compile.OutputPreview;
import dev.storyc.config.Environment;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.publish.GitContentIds;
import dev.storyc.publish.OutputState;
import dev.storyc.publish.PublishException;
import dev.storyc.release.ReleaseDiff;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.site.Cells;
import dev.storyc.site.Deployment;
import dev.storyc.site.EnvironmentColumn;
import dev.storyc.site.OutputSummary;
import dev.storyc.site.ReleaseEntry;
import dev.storyc.site.Site;
import dev.storyc.site.SiteFiles;
import dev.storyc.site.ShownStories;
import dev.storyc.site.SiteInput;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code storyc site}: compiles every environment in memory, reads what each output repository
 * holds, and writes the static site ({@link Site}) to a folder. The gathering is here, at the edge;
 * the site itself is a pure function of what is gathered.
 */
@Command(
        name = "site",
        mixinStandardHelpOptions = true,
        description = {
            "Write a static HTML site of the workspace: the environments × stories board,"
                    + " a page per story, the lineage graph from raw tables to dashboards, the releases and"
                    + " search.",
            "It works offline: open index.html from disk, or publish the folder on any static"
                    + " host.",
            "Every environment is compiled in memory first; a workspace with errors writes no"
                    + " site.",
            "With --live, each board cell also says whether the story is deployed in that"
                    + " environment's database (deployed, pending, partial, edited, revert or -), read"
                    + " from its warehouse registry with one query; a database that cannot be reached"
                    + " is shown as such and does not fail the site. Without --live no database is contacted."
        },
        footer = {
            "",
            "Example: storyc site --out build/site && xdg-open build/site/index.html",
            "         storyc site --live    # in CI, where the warehouses' passwords are set",
            "See docs/site.md."
        })
final class SiteCommand implements Callable<Integer> {
    @ParentCommand StorycCommand root;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description =
                    "The folder to write the site to, replaced whole. Default: site/ in the"
                            + " workspace.")
    Path out;

    @Option(
            names = "--outputs",
            paramLabel = "DIR",
            description =
                    "Where the output repositories are, as compile's --out. Default: as"
                            + " compile.")
    Path outputs;

    @Option(
            names = "--live",
            description =
                    "Also read each environment's warehouse registry (one query each) and show"
                            + " whether every story is deployed there.")
    boolean live;

    private OutputFolders.Approval folders;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Console console = root.console();
        Project project = root.openProject(console);
        Path target =
                out == null ? project.root().resolve("site") : out.toAbsolutePath().normalize();
        target = SiteFolder.followed(target, console);
        SiteFolder.check(target, console);
        List<Environment> environments = List.copyOf(project.environments().all());
        folders = OutputFolders.reading(project, root.settings(), outputs, console);
        var compilation = Compilation.run(project, environments, root.processLookup(), console);
        console.info(
                "compiled " + environments.size() + " environments in " + since(started) + " ms");
        Optional<SourceRepository> repository = SourceRepository.find(project.root());
        SiteInput input;
        try {
            Map<String, String> mainTrees = mainTrees(project, repository);
            List<Story> stories = ShownStories.of(project.workspace().stories(), compilation.environments());
            List<StoryId> ids = stories.stream().map(Story::id).toList();
            List<EnvironmentColumn> columns = new ArrayList<>();
            for (CompiledEnvironment compiled : compilation.environments()) {
                columns.add(column(compiled, ids, mainTrees));
            }
            List<Lineage.Graph> lineage = CompiledLineage.of(compilation);
            console.info(
                    "read the output repositories and the lineage in " + since(started) + " ms");
            List<ReleaseEntry> releases = releases(project, repository, console);
            console.info("read the releases in " + since(started) + " ms");
            input =
                    new SiteInput(
                            project.root().getFileName().toString(),
                            Version.number(),
                            columns,
                            stories,
                            releases,
                            lineage);
        } catch (PublishException e) {
            console.failure(e.getMessage(), e.hint());
            return ExitCode.OPERATION_FAILED;
        } finally {
            repository.ifPresent(SourceRepository::close);
        }
        SiteFiles files = Site.render(input);
        console.info("rendered the site in " + since(started) + " ms");
        SiteFolder.write(target, files, console);
        Path shown = target.startsWith(project.root()) ? project.root().relativize(target) : target;
        console.result(
                String.format(
                        "wrote %s: %d files, %d KiB, %d stories, %d environments, in %d ms",
                        shown,
                        files.files().size(),
                        (files.size() + 1023) / 1024,
                        input.stories().size(),
                        input.environments().size(),
                        since(started)));
        return ExitCode.OK;
    }

    /** Returns each story's git tree at the workspace's HEAD, where it is committed. */
    private static Map<String, String> mainTrees(
            Project project, Optional<SourceRepository> repository) {
        Map<String, String> trees = new HashMap<>();
        if (repository.isPresent()) {
            for (StoryId id : project.workspace().stories().keySet()) {
                repository
                        .get()
                        .treeAtHead("stories/" + id)
                        .ifPresent(tree -> trees.put(id.value(), tree));
            }
        }
        return trees;
    }

    /** Returns the milliseconds since {@code started}, a {@link System#nanoTime} reading. */
    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private EnvironmentColumn column(
            CompiledEnvironment fresh, List<StoryId> stories, Map<String, String> mainTrees)
            throws PublishException {
        Environment environment = fresh.environment();
        Path directory = folders.folder(environment);
        Optional<OutputState> state = OutputState.read(directory, environment.output().branch());
        // What a compile would commit now: the fresh tree plus the reverts back-out keeps pending.
        CompiledEnvironment compiled =
                OutputPreview.onTopOf(
                        fresh,
                        state.<Function<String, Optional<String>>>map(OutputState::file)
                                .orElse(path -> Optional.empty()));
        Set<String> backedOut = OutputPreview.backedOut(compiled);
        Optional<OutputSummary> output =
                state.map(
                        s ->
                                new OutputSummary(
                                        s.head(),
                                        s.committedAt(),
                                        s.tree().equals(GitContentIds.treeIdOf(compiled.tree())),
                                        s.isPushed(),
                                        environment.output().remote().isPresent()));
        return new EnvironmentColumn(
                environment.name(),
                environment.kind().spelling(),
                environment.release(),
                environment.connection(),
                output,
                Cells.of(
                        stories,
                        compiled.selection(),
                        backedOut,
                        mainTrees),
                live ? Optional.of(deployment(directory, environment)) : Optional.empty());
    }

    /**
     * Reads what the environment's warehouse registry holds, as {@code status --live} does. An
     * unreachable database is a fact the board shows, not a failure of the site.
     */
    private Deployment deployment(Path directory, Environment environment) {
        LiveStatus status = LiveStatus.of(directory, environment, root);
        status.problem()
                .ifPresent(why -> root.console().failure(environment.name() + ": " + why, null));
        return status.problem()
                .<Deployment>map(Deployment.Unreachable::new)
                .orElseGet(() -> new Deployment.Read(status.stories()));
    }

    /**
     * Returns every release manifest, oldest first in the workspace's natural order of names (v9
     * before v10), each with its diff from the one before.
     */
    private static List<ReleaseEntry> releases(
            Project project, Optional<SourceRepository> repository, Console console) {
        // The workspace orders them naturally: v9 before v10.
        List<String> names = new ArrayList<>(project.workspace().releases().keySet());
        List<ReleaseEntry> entries = new ArrayList<>();
        ReleaseManifest before = null;
        for (String name : names) {
            ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
            Optional<ReleaseEntry.Previous> previous = Optional.empty();
            if (before != null) {
                previous =
                        Optional.of(
                                new ReleaseEntry.Previous(
                                        before.name(),
                                        ReleaseDiff.between(
                                                before,
                                                manifest,
                                                (release, id) ->
                                                        ReleaseDiffCommand.storyFiles(
                                                                project,
                                                                repository,
                                                                release,
                                                                id))));
            }
            Map<String, String> pins = new TreeMap<>();
            manifest.pins().forEach((id, tree) -> pins.put(id.value(), tree));
            entries.add(
                    new ReleaseEntry(
                            name,
                            manifest.path(),
                            manifest.stories().stream().map(e -> e.story().value()).toList(),
                            pins,
                            ReleaseCommand.environmentsUsing(project, name),
                            previous));
            before = manifest;
        }
        return entries;
    }
}
