package dev.storyc.cli;

import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.util.List;
import java.util.ArrayList;
import java.nio.file.Path;
import java.nio.file.Files;
import dev.storyc.workspace.StoryFile;
import dev.storyc.diag.Spelling;
import dev.storyc.workspace.SchemaChanges;
import dev.storyc.site.Listings;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code storyc story}: inspect stories. */
@Command(name = "story", mixinStandardHelpOptions = true, description = "Inspect stories.",
        subcommands = {StoryCommand.ListStories.class, StoryCommand.New.class, StoryCommand.Show.class})
final class StoryCommand extends CommandGroup {

    /** {@code storyc story list}: one line per story. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List stories with their owner, requirements and title.")
    static final class ListStories implements Callable<Integer> {
        @ParentCommand
        StoryCommand story;

        @Mixin
        ListingFormatOption output;

        @Override
        public Integer call() {
            Console console = output.console(story.root);
            Project project = story.root.openProject();
            if (output.json()) {
                console.out().print(Listings.stories(project.workspace().stories().values()));
                return ExitCode.OK;
            }
            console.out().printf("%-22s %-8s %-32s %s%n", "STORY", "OWNER", "REQUIRES", "TITLE");
            for (Story s : project.workspace().stories().values()) {
                String requires = s.manifest().requiredIds().stream().map(StoryId::value).collect(Collectors.joining(","));
                console.out().printf("%-22s %-8s %-32s %s%n", s.id(), s.manifest().owner().orElse("-"),
                        requires.isEmpty() ? "-" : requires, s.manifest().title());
            }
            return ExitCode.OK;
        }
    }

    /** {@code storyc story new ID}. */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Create a story that compiles and passes every check: story.toml, a table with its"
                    + " revert and verify, an ETL job, a view and an explore. Edit from there."})
    static final class New implements Callable<Integer> {
        @ParentCommand
        StoryCommand story;

        @Parameters(paramLabel = "ID", description = "The story id: lower case, digits and dashes, such as lab-results.")
        String id;

        @Option(names = "--title", paramLabel = "TEXT", description = "The story's title. Default: from the id.")
        String title;

        @Option(names = "--owner", paramLabel = "NAME", description = "Who owns it. Default: the `developer` setting.")
        String owner;

        @Option(names = "--requires", paramLabel = "ID", split = ",", completionCandidates = NameCompletion.Stories.class,
                description = "Stories this one builds on; repeat or separate with commas.")
        List<String> requires = new ArrayList<>();

        @Override
        public Integer call() {
            Console console = story.root.console();
            Project project = story.root.openProject();
            if (id.length() > StoryId.MAX_LENGTH) {
                console.failure("`" + id + "` is " + id.length() + " characters long; a story id is at most "
                                + StoryId.MAX_LENGTH,
                        "the warehouse registry keeps ids of at most " + StoryId.MAX_LENGTH
                                + " characters, and the new story's table is named after it");
                return ExitCode.USAGE;
            }
            if (!StoryId.isValid(id)) {
                console.failure("`" + id + "` is not a story id", "story ids match [a-z][a-z0-9-]*, such as lab-results");
                return ExitCode.USAGE;
            }
            StoryId storyId = new StoryId(id);
            Path folder = project.root().resolve("stories").resolve(id);
            if (project.workspace().story(storyId).isPresent() || Files.exists(folder)) {
                console.failure("story `" + id + "` already exists", "`storyc story show " + id + "` shows it");
                return ExitCode.USAGE;
            }
            List<StoryId> required = ReleaseCommand.ids(requires, console);
            for (StoryId requirement : required) {
                if (project.workspace().story(requirement).isEmpty()) {
                    console.failure("story `" + requirement + "` does not exist", Spelling.didYouMean(requirement.value(),
                            project.workspace().storyNames())
                            .orElse("`storyc story list` shows the stories"));
                    return ExitCode.USAGE;
                }
            }
            String storyTitle = title != null ? title : Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
            String storyOwner = owner != null ? owner : story.root.settings().developer().orElse("unknown");
            for (String line : List.of(storyTitle, storyOwner)) {
                if (!dev.storyc.workspace.StoryManifest.isOneLine(line)) {
                    console.failure("--title and --owner are one line of text, without control characters; nothing"
                            + " was written", "put longer text in the story's `description`");
                    return ExitCode.USAGE;
                }
            }
            Scaffold.story(storyId, storyTitle, storyOwner, required)
                    .forEach((path, text) -> WorkspaceFiles.write(project.root().resolve(path), text, console));
            console.result("created stories/" + id + "/; add it to a release with: storyc release add RELEASE " + id);
            return ExitCode.OK;
        }
    }

    /** {@code storyc story show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a story: its manifest, its files by kind, what it requires and what requires it,"
                    + " and the releases that list it.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        StoryCommand story;

        @Parameters(paramLabel = "ID", completionCandidates = NameCompletion.Stories.class, description = "The story id.")
        String id;

        @Mixin
        ListingFormatOption output;

        @Override
        public Integer call() {
            Console console = output.console(story.root);
            Project project = story.root.openProject();
            Story found = StoryId.isValid(id) ? project.workspace().story(new StoryId(id)).orElse(null) : null;
            if (found == null) {
                console.failure("story `" + id + "` does not exist", Spelling.didYouMean(id,
                        project.workspace().storyNames())
                        .orElse("`storyc story list` shows the stories"));
                return ExitCode.USAGE;
            }
            if (output.json()) {
                console.out().print(Listings.story(found, requiredBy(project, found),
                        releases(project, found, console)));
                return ExitCode.OK;
            }
            var out = console.out();
            out.printf("story %s: %s%n", found.id(), found.manifest().title());
            found.manifest().owner().ifPresent(o -> out.printf("  owner     %s%n", o));
            found.manifest().ticket().ifPresent(t -> out.printf("  ticket    %s%n", t));
            out.printf("  requires  %s%n", names(found.manifest().requiredIds()));
            List<StoryId> requiredBy = project.workspace().stories().values().stream()
                    .filter(s -> s.manifest().requiredIds().contains(found.id())).map(Story::id).toList();
            out.printf("  required  %s%n", names(requiredBy));
            List<String> releases = new ArrayList<>();
            for (String release : project.workspace().releases().keySet()) {
                var manifest = ReleaseCommand.load(project, release, console);
                manifest.positionOf(found.id()).ifPresent(p -> releases.add(release
                        + (manifest.pins().containsKey(found.id()) ? " (pinned " + manifest.pins().get(found.id())
                                .substring(0, 10) + ")" : "")));
            }
            out.printf("  releases  %s%n", releases.isEmpty() ? "-" : String.join(", ", releases));
            // The ids the registry and `storyc warehouse` use, in apply order.
            List<String> changes = SchemaChanges.of(found.files()).stream()
                    .map(c -> found.id() + "/" + c.change().name()).toList();
            out.printf("  changes   %s%n", changes.isEmpty() ? "-" : String.join(", ", changes));
            out.println("  files");
            for (StoryFile file : found.files()) {
                out.printf("    %-14s %s%n", file.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), file.storyRelativePath());
            }
            return ExitCode.OK;
        }

        private static List<StoryId> requiredBy(Project project, Story found) {
            return project.workspace().stories().values().stream()
                    .filter(s -> s.manifest().requiredIds().contains(found.id()))
                    .map(Story::id).toList();
        }

        private static List<Listings.StoryRelease> releases(Project project, Story found,
                Console console) {
            List<Listings.StoryRelease> releases = new ArrayList<>();
            for (String release : project.workspace().releases().keySet()) {
                var manifest = ReleaseCommand.load(project, release, console);
                manifest.positionOf(found.id()).ifPresent(p -> releases.add(new Listings.StoryRelease(
                        release, java.util.Optional.ofNullable(manifest.pins().get(found.id())))));
            }
            return releases;
        }

        private static String names(List<StoryId> ids) {
            return ids.isEmpty() ? "-" : ids.stream().map(StoryId::value).collect(Collectors.joining(", "));
        }
    }
}
