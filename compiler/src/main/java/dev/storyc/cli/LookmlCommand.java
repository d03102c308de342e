package dev.storyc.cli;

import dev.storyc.check.LookmlFileChecks;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.LookmlFiles;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.View;
import dev.storyc.workspace.FileReads;
import dev.storyc.workspace.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc lookml}: the LookML library on any file, inside a workspace or not. */
@Command(name = "lookml", mixinStandardHelpOptions = true,
        description = "Parse and check LookML files (.lkml) and LookML dashboards (.dashboard.lookml).",
        subcommands = {LookmlCommand.Check.class, LookmlCommand.Parse.class})
final class LookmlCommand extends CommandGroup {

    /** Reads a file as strict UTF-8, or prints why it cannot and ends the command. */
    static SourceFile read(Path file, Console console) {
        List<Diagnostic> problems = new ArrayList<>();
        Optional<SourceFile> source = readEach(file, console, problems);
        if (source.isEmpty()) {
            console.diagnostics(problems, List.of());
            throw new CommandFailure(problems.isEmpty() ? ExitCode.OPERATION_FAILED : ExitCode.PROJECT_ERRORS);
        }
        return source.get();
    }

    /**
     * Reads a file as UTF-8, or returns empty: with its decoding problems added to {@code problems},
     * or, when it cannot be read at all, after printing why. A batch goes on to the next file.
     */
    static Optional<SourceFile> readEach(Path file, Console console, List<Diagnostic> problems) {
        try {
            Diagnostics diagnostics = new Diagnostics();
            Optional<SourceFile> source = SourceText.decode(file.toString(),
                    FileReads.readBounded(file), diagnostics);
            problems.addAll(diagnostics.all());
            return source;
        } catch (IOException e) {
            console.failure("cannot read `" + file + "`: " + FileReads.reason(e), "check the path");
            return Optional.empty();
        }
    }

    /**
     * {@code storyc lookml check FILE...}: exit 0 when every file parses and holds only values
     * Looker has.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check that LookML files parse and use only the types, relationships and datatypes"
                    + " Looker has; prints positioned diagnostics otherwise.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        LookmlCommand lookml;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = {"Files ending in .lkml or .dashboard.lookml,",
                "or folders: every such file under them, hidden folders left out."})
        List<Path> paths;

        @Override
        public Integer call() {
            Console console = lookml.root.console();
            List<Path> files = LookmlArguments.expand(paths, console);
            List<Diagnostic> diagnostics = new ArrayList<>();
            List<SourceFile> sources = new ArrayList<>();
            int unreadable = 0;
            // Each file on its own: one that cannot be read or decoded hides none of the others.
            for (Path file : files) {
                int before = diagnostics.size();
                Optional<SourceFile> source = readEach(file, console, diagnostics);
                if (source.isEmpty()) {
                    unreadable += diagnostics.size() == before ? 1 : 0;
                    continue;
                }
                sources.add(source.get());
                diagnostics.addAll(LookmlFileChecks.check(source.get().path(), source.get().text()));
            }
            console.diagnostics(diagnostics, sources);
            boolean failed = unreadable > 0 || diagnostics.stream().anyMatch(Diagnostic::isError);
            console.result((failed ? "failed: " : "ok: ") + files.size() + " file" + (files.size() == 1 ? "" : "s")
                    + " checked" + (unreadable > 0 ? ", " + unreadable + " could not be read" : ""));
            return unreadable > 0 ? ExitCode.OPERATION_FAILED
                    : failed ? ExitCode.PROJECT_ERRORS : ExitCode.OK;
        }
    }

    /** {@code storyc lookml parse FILE}: an outline, or the lkml-compatible JSON with --json. */
    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = {"Print what a LookML file defines.",
                    "With --json, print it in the JSON shape of Python's lkml.load, for other tools."})
    static final class Parse implements Callable<Integer> {
        @ParentCommand
        LookmlCommand lookml;

        @Parameters(paramLabel = "FILE", description = "A file ending in .lkml or .dashboard.lookml.")
        Path file;

        @Option(names = "--json", description = "Print JSON instead of an outline.")
        boolean json;

        @Override
        public Integer call() {
            Console console = lookml.root.console();
            if (json) {
                console.owe(dev.storyc.diag.JsonRenderer::render);
            }
            SourceFile source = read(LookmlArguments.requireLookmlName(file, console), console);
            List<Diagnostic> diagnostics = LookmlFiles.check(source.path(), source.text());
            console.diagnostics(diagnostics, List.of(source));
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
                return ExitCode.PROJECT_ERRORS;
            }
            if (json) {
                console.out().println(LookmlFiles.toJson(source.path(), source.text()));
            } else {
                outline(source, console);
            }
            return ExitCode.OK;
        }

        private static void outline(SourceFile source, Console console) {
            if (Lookml.isDashboard(source.path())) {
                for (Dashboard dashboard : Lookml.parseDashboard(source.path(), source.text()).dashboards()) {
                    console.out().printf("dashboard %s  %d elements, %d filters  (%s)%n", dashboard.name(),
                            dashboard.elements().size(), dashboard.filters().size(), dashboard.position());
                }
                return;
            }
            var model = Lookml.model(Lookml.parse(source.path(), source.text()));
            for (View view : model.views()) {
                console.out().printf("view %s  %d fields  (%s)%n", view.name(), view.fieldNames().size(), view.position());
            }
            for (Explore explore : model.explores()) {
                console.out().printf("explore %s  views %s  (%s)%n", explore.name(),
                        explore.joinedViews().isEmpty() ? "-" : String.join(", ", explore.joinedViews()),
                        explore.position());
            }
        }
    }
}
