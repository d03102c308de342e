package dev.storyc.cli;

import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code storyc story}: inspect stories. */
@Command(name = "story", mixinStandardHelpOptions = true, description = "Inspect stories.",
        subcommands = {StoryCommand.ListStories.class})
final class StoryCommand extends CommandGroup {

    /** {@code storyc story list}: one line per story. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List stories with their owner, requirements and title.")
    static final class ListStories implements Callable<Integer> {
        @ParentCommand
        StoryCommand story;

        @Override
        public Integer call() {
            Console console = story.root.console();
            Project project = story.root.openProject();
            console.out().printf("%-22s %-8s %-32s %s%n", "STORY", "OWNER", "REQUIRES", "TITLE");
            for (Story s : project.workspace().stories().values()) {
                String requires = s.manifest().requiredIds().stream().map(StoryId::value).collect(Collectors.joining(","));
                console.out().printf("%-22s %-8s %-32s %s%n", s.id(), s.manifest().owner().orElse("-"),
                        requires.isEmpty() ? "-" : requires, s.manifest().title());
            }
            return ExitCode.OK;
        }
    }
}
