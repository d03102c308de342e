package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, or json: one document on stdout. Default: ${DEFAULT-VALUE}.")
    WarehouseOptions.Format format = WarehouseOptions.Format.text;

    @Override
    public Integer call() {
        Console console = root.console();
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
        if (live) {
            // Read only: no environment is written, so only the placement rules are asked.
            var folders = OutputFolders.approve(project, root.settings(), null, List.of(), console);
            for (Environment environment : environments) {
                LiveStatus status = LiveStatus.of(folders.folder(environment), environment, root);
                status.problem()
                        .ifPresent(why -> console.failure(environment.name() + ": " + why, null));
                liveStatus.put(environment.name(), status);
            }
        }
        Optional<SourceRepository> repository = SourceRepository.find(project.root());
        try {
            if (format == WarehouseOptions.Format.json) {
                json(project, environments, releases, repository, liveStatus);
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
            for (StoryId story : project.workspace().stories().keySet()) {
                Optional<String> head = repository.flatMap(r -> r.treeAtHead("stories/" + story));
                StringBuilder row = new StringBuilder(String.format("%-22s", story));
                for (Environment environment : environments) {
                    row.append(String.format(" %-13s", cell(environment, story, releases, head)));
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

    private void json(Project project, List<Environment> environments,
            Map<String, Optional<ReleaseManifest>> releases, Optional<SourceRepository> repository,
            Map<String, LiveStatus> liveStatus) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var document = mapper.createObjectNode();
        var envs = document.putArray("environments");
        for (Environment environment : environments) {
            var node = envs.addObject().put("name", environment.name())
                    .put("release", environment.release());
            if (live) {
                LiveStatus status = liveStatus.get(environment.name());
                node.put("reachable", status.problem().isEmpty());
                status.problem().ifPresent(why -> node.put("problem", why));
            }
        }
        var stories = document.putArray("stories");
        for (StoryId story : project.workspace().stories().keySet()) {
            Optional<String> head = repository.flatMap(r -> r.treeAtHead("stories/" + story));
            var row = stories.addObject().put("story", story.value());
            var cells = row.putObject("environments");
            for (Environment environment : environments) {
                var cell = cells.putObject(environment.name());
                cell.put("version", cell(environment, story, releases, head));
                if (live) {
                    cell.put("deployed", liveStatus.get(environment.name()).cell(story.value()));
                }
            }
        }
        WarehouseReports.print(root.console().out(), document);
    }

    private static String cell(Environment environment, StoryId story, Map<String, Optional<ReleaseManifest>> releases,
            Optional<String> head) {
        if (environment.takesAllStories()) {
            return "main";
        }
        Optional<ReleaseManifest> manifest = releases.getOrDefault(environment.release(), Optional.empty());
        if (manifest.isEmpty() || manifest.get().positionOf(story).isEmpty()) {
            return "-";
        }
        String pin = manifest.get().pins().get(story);
        if (pin == null) {
            return "main";
        }
        boolean differs = head.map(h -> !h.equals(pin)).orElse(true);
        return differs ? pin.substring(0, 8) + "..*" : pin.substring(0, 10);
    }
}
