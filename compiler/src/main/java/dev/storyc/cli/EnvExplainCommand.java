package dev.storyc.cli;

import dev.storyc.config.ConfigTable;
import dev.storyc.config.Explanation;
import dev.storyc.diag.Spelling;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc env explain E KEY}: which file and line set a value, and how it got into E. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Say where a value of an environment comes from: the file:line that set it, and each"
                + " extends parent, developer template or reference that carried it there."})
final class EnvExplainCommand implements Callable<Integer> {
    @ParentCommand
    EnvCommand env;

    @Parameters(index = "0", paramLabel = "ENV", completionCandidates = NameCompletion.Environments.class, description = "The environment.")
    String name;

    @Parameters(index = "1", paramLabel = "KEY", description = "A dotted key, such as warehouse.database; a table"
            + " explains each of its values.")
    String key;

    @Override
    public Integer call() {
        Console console = env.root.console();
        Project project = env.root.openProject();
        EnvCommand.find(project, name, console);
        ConfigTable tree = project.evaluation().tree(name).orElseThrow();
        Optional<List<String>> lines = Explanation.explain(name, tree, key);
        if (lines.isEmpty()) {
            console.failure("`" + key + "` is not set in environment `" + name + "`",
                    Spelling.didYouMean(key, Explanation.keys(tree))
                            .orElse("see `storyc env show " + name + "` for its keys"));
            return ExitCode.USAGE;
        }
        lines.get().forEach(console.out()::println);
        return ExitCode.OK;
    }
}
