package dev.storyc.cli;

import dev.storyc.compile.OutputPreview;
import dev.storyc.config.Environment;
import dev.storyc.publish.OutputState;
import dev.storyc.publish.PublishException;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.site.Cell;
import dev.storyc.site.Listings;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.StoryId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code storyc status}: which version of each story each environment gets. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show which version of each story each environment compiles (stories x environments).",
                "A release manager sees at a glance what is where."},
        footer = {"", "Cells:",
                "  main        the working tree (release `all`, or an unsealed release)",
                "  1a2b3c4d5e  the git tree a sealed release pins",
                "  1a2b..*     pinned, and main has moved on since (differs from main)",
                "  -           not included",
                "  backed out  left the environment, and the output keeps its revert pending",
                "              in warehouse/plan.toml until the story comes back",
                "With --live, each environment whose database can be reached gets a DB column:",
                "  deployed, pending, partial, edited, revert (backed out, not yet reverted),",
                "  - (no schema),",
                "  ? (unreachable; the reason is printed on stderr)"})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Option(names = "--live", description = "Also read each environment's warehouse registry (one query"
            + " each) and show whether each story is deployed there. See `storyc warehouse status` for one"
            + " environment.")
    boolean live;

    @picocli.CommandLine.Mixin
    ListingFormatOption output;

    @Override
    public Integer call() {
        Console console = output.console(root);
        Project project = root.openProject();
        List<Environment> environments = List.copyOf(project.environments().all());
        Map<String, Optional<ReleaseManifest>> releases = new HashMap<>();
        for (Environment environment : environments) {
            if (!environment.takesAllStories() && project.workspace().releases().containsKey(environment.release())) {
                releases.computeIfAbsent(environment.release(),
                        name -> Optional.of(ReleaseCommand.load(project, name, console)));
            }
        }
        Map<String, LiveStatus> liveStatus = new java.util.LinkedHashMap<>();
        var folders = OutputFolders.reading(project, root.settings(), null, console);
        Map<String, Set<String>> backedOut = new HashMap<>();
        for (Environment environment : environments) {
            backedOut.put(environment.name(),
                    backedOut(project, environment, releases, folders.folder(environment), console));
        }
        if (live) {
            for (Environment environment : environments) {
                LiveStatus status = LiveStatus.of(folders.folder(environment), environment, root);
                status.problem()
                        .ifPresent(why -> console.failure(environment.name() + ": " + why, null));
                liveStatus.put(environment.name(), status);
            }
        }
        Optional<SourceRepository> repository = SourceRepository.find(project.root());
        try {
            if (output.json()) {
                console.out().print(json(project, environments, releases, backedOut, repository, liveStatus));
                return ExitCode.OK;
            }
            StringBuilder header = new StringBuilder(String.format("%-22s", "STORY"));
            environments.forEach(e -> header.append(String.format(" %-13s", e.name()))
                    .append(live ? String.format(" %-9s", "DB") : ""));
            console.out().println(header.toString().stripTrailing());
            StringBuilder releaseRow = new StringBuilder(String.format("%-22s", "(release)"));
            environments.forEach(e -> releaseRow.append(String.format(" %-13s", e.release()))
                    .append(live ? String.format(" %-9s", "") : ""));
            console.out().println(releaseRow.toString().stripTrailing());
            for (StoryId story : rows(project, releases, backedOut)) {
                Optional<String> head = repository.flatMap(r -> r.treeAtHead("stories/" + story));
                boolean onMain = project.workspace().stories().containsKey(story);
                StringBuilder row = new StringBuilder(String.format("%-22s", story));
                for (Environment environment : environments) {
                    row.append(String.format(" %-13s", cell(environment, story, releases, head, onMain,
                            backedOut.getOrDefault(environment.name(), Set.of()))));
                    if (live) {
                        String deployed = liveStatus.get(environment.name()).cell(story.value());
                        row.append(String.format(" %-9s", deployed));
                    }
                }
                console.out().println(row.toString().stripTrailing());
            }
        } finally {
            repository.ifPresent(SourceRepository::close);
        }
        return ExitCode.OK;
    }

    private static String json(Project project, List<Environment> environments,
            Map<String, Optional<ReleaseManifest>> releases, Map<String, Set<String>> backedOut,
            Optional<SourceRepository> repository, Map<String, LiveStatus> liveStatus) {
        Map<StoryId, Optional<String>> heads = new HashMap<>();
        List<StoryId> rows = rows(project, releases, backedOut);
        rows.forEach(story -> heads.put(story, repository.flatMap(r -> r.treeAtHead("stories/" + story))));
        List<Listings.StatusColumn> columns = new ArrayList<>();
        for (Environment environment : environments) {
            Map<String, Cell> cells = new HashMap<>();
            Set<String> left = backedOut.getOrDefault(environment.name(), Set.of());
            heads.forEach((story, head) -> cells.put(story.value(), cellOf(environment, story, releases, head,
                    project.workspace().stories().containsKey(story), left)));
            Optional<Listings.LiveColumn> live = Optional.ofNullable(liveStatus.get(environment.name()))
                    .map(status -> live(status, heads.keySet()));
            columns.add(new Listings.StatusColumn(environment.name(), environment.kind().spelling(),
                    environment.release(), cells, live));
        }
        return Listings.status(rows.stream().map(StoryId::value).toList(), columns);
    }

    /**
     * Returns the stories to show: those on main, those a sealed release pins that main no longer
     * has, and those an output keeps a revert pending for. Deleting a story from main does not take
     * it out of acceptance, which still compiles it from its pin, or its tables out of a database,
     * and a release manager must see both.
     */
    private static List<StoryId> rows(Project project, Map<String, Optional<ReleaseManifest>> releases,
            Map<String, Set<String>> backedOut) {
        java.util.SortedSet<StoryId> rows = new java.util.TreeSet<>(project.workspace().stories().keySet());
        releases.values().forEach(manifest -> manifest.ifPresent(m -> rows.addAll(m.pins().keySet())));
        backedOut.values().forEach(stories -> stories.forEach(story -> rows.add(new StoryId(story))));
        return List.copyOf(rows);
    }

    /**
     * Returns the stories {@code environment}'s output would keep a revert pending for, read from
     * its head's plan: one file, never a compile. An output that cannot be read is reported and
     * shows none; the rest of the table still helps.
     */
    private static Set<String> backedOut(Project project, Environment environment,
            Map<String, Optional<ReleaseManifest>> releases, Path folder, Console console) {
        try {
            return OutputState.read(folder, environment.output().branch())
                    .map(state -> OutputPreview.backedOut(state.file(), story -> {
                        StoryId id = new StoryId(story);
                        return !(included(environment, id, releases, Optional.empty(),
                                project.workspace().stories().containsKey(id)) instanceof Cell.Absent);
                    }))
                    .orElse(Set.of());
        } catch (PublishException e) {
            console.failure(environment.name() + ": " + e.getMessage(), e.hint());
            return Set.of();
        }
    }

    /** Returns what {@code --live} found in one environment's registry, for the JSON document. */
    private static Listings.LiveColumn live(LiveStatus status, java.util.Set<StoryId> stories) {
        Map<String, String> deployed = new HashMap<>();
        stories.forEach(story -> deployed.put(story.value(), status.cell(story.value())));
        return new Listings.LiveColumn(status.problem(), deployed);
    }

    /** Returns the same answer as {@link #cell}, as the value the JSON document prints. */
    private static Cell cellOf(Environment environment, StoryId story,
            Map<String, Optional<ReleaseManifest>> releases, Optional<String> head, boolean onMain,
            Set<String> backedOut) {
        Cell cell = included(environment, story, releases, head, onMain);
        return cell instanceof Cell.Absent && backedOut.contains(story.value()) ? new Cell.BackedOut() : cell;
    }

    /** Returns which version of the story the environment compiles, or absent. */
    private static Cell included(Environment environment, StoryId story,
            Map<String, Optional<ReleaseManifest>> releases, Optional<String> head, boolean onMain) {
        if (environment.takesAllStories()) {
            return onMain ? new Cell.Main() : new Cell.Absent();
        }
        Optional<ReleaseManifest> manifest =
                releases.getOrDefault(environment.release(), Optional.empty());
        if (manifest.isEmpty() || manifest.get().positionOf(story).isEmpty()) {
            return new Cell.Absent();
        }
        String pin = manifest.get().pins().get(story);
        if (pin == null) {
            // An unsealed release takes main's version, and main has none of a deleted story.
            return onMain ? new Cell.Main() : new Cell.Absent();
        }
        return new Cell.Pinned(pin, head.map(h -> !h.equals(pin)).orElse(true));
    }

    /** Returns {@link #cellOf}'s answer as the status table prints it (see the command's footer). */
    private static String cell(Environment environment, StoryId story, Map<String, Optional<ReleaseManifest>> releases,
            Optional<String> head, boolean onMain, Set<String> backedOut) {
        Cell cell = cellOf(environment, story, releases, head, onMain, backedOut);
        if (cell instanceof Cell.Pinned pinned) {
            return pinned.movedOn() ? pinned.tree().substring(0, 8) + "..*" : pinned.tree().substring(0, 10);
        }
        return cell.text();
    }
}
