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
import picocli.CommandLine.ParentCommand;

/** {@code storyc status}: which version of each story each environment gets. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show which version of each story each environment compiles (stories x environments).",
                "A release manager sees at a glance what is where."},
        footer = {"", "Cells:",
                "  main        the working tree (release `all`, or an unsealed release)",
                "  1a2b3c4d5e  the git tree a sealed release pins",
                "  1a2b..*     pinned, and main has moved on since (differs from main)",
                "  -           not included"})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

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
        Optional<SourceRepository> repository = SourceRepository.find(project.root());
        try {
            StringBuilder header = new StringBuilder(String.format("%-22s", "STORY"));
            environments.forEach(e -> header.append(String.format(" %-13s", e.name())));
            console.out().println(header.toString().stripTrailing());
            StringBuilder releaseRow = new StringBuilder(String.format("%-22s", "(release)"));
            environments.forEach(e -> releaseRow.append(String.format(" %-13s", e.release())));
            console.out().println(releaseRow.toString().stripTrailing());
            for (StoryId story : project.workspace().stories().keySet()) {
                Optional<String> head = repository.flatMap(r -> r.treeAtHead("stories/" + story));
                StringBuilder row = new StringBuilder(String.format("%-22s", story));
                for (Environment environment : environments) {
                    row.append(String.format(" %-13s", cell(environment, story, releases, head)));
                }
                console.out().println(row.toString().stripTrailing());
            }
        } finally {
            repository.ifPresent(SourceRepository::close);
        }
        return ExitCode.OK;
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
