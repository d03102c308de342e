package dev.storyc.cli;

import dev.storyc.compile.CompiledPhi;
import dev.storyc.config.Environment;
import dev.storyc.phi.PhiReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code storyc phi report}: the audit of protected columns across environments. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {"List every protected column, its class and where it is classified, its"
                + " treatment in each environment, and every field, dashboard and ETL script that"
                + " reads it: what a HIPAA reviewer asks for. Compiles in memory; writes nothing.",
                "Example: storyc phi report --format csv > phi-audit.csv"})
final class PhiReportCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    @ParentCommand
    PhiCommand phi;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", completionCandidates = NameCompletion.Environments.class,
            description = "Report on this environment; repeat for several."
                    + " Default: every environment.")
    List<String> names = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Override
    public Integer call() {
        StorycCommand root = phi.root;
        Console console = root.console();
        if (format == Format.json) {
            console.owe(dev.storyc.diag.JsonRenderer::render);
        }
        Project project = root.openProject(console);
        List<Environment> selected = names.isEmpty() ? List.copyOf(project.environments().all())
                : names.stream().distinct().map(name -> EnvCommand.find(project, name, console))
                        .toList();
        var compiled = Compilation.run(project, selected, root.processLookup(), console);
        PhiReportFormat writer = PhiReportFormat.valueOf(format.name()
                .toUpperCase(java.util.Locale.ROOT));
        console.out().print(writer.write(CompiledPhi.of(compiled)));
        return ExitCode.OK;
    }
}
