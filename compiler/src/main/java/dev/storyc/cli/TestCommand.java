package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.datatest.DataTests;
import dev.storyc.datatest.TestOutcome;
import dev.storyc.datatest.TestReports;
import dev.storyc.diag.JsonRenderer;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.WarehouseConnection;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.diag.Spelling;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code storyc test}: the data tests of an environment, against its warehouse. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Run data tests against the environment's warehouse: each story's tests/*.sql (a query"
                + " that must return no rows) and, for every primary_key dimension of its views, a"
                + " uniqueness and a not-null test.",
            "Tests run read-only, each in a transaction that is rolled back."
        })
final class TestCommand implements Callable<Integer> {
    /** How the outcomes are printed. */
    enum Format {
        text,
        json,
        junit
    }

    @ParentCommand StorycCommand root;

    @Mixin OneEnvironmentOption environment;

    @Option(
            names = "--story",
            paramLabel = "ID",
            completionCandidates = NameCompletion.Stories.class,
            description = "Only this story's tests; repeat for several.")
    List<String> stories = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "${COMPLETION-CANDIDATES}: json and junit (JUnit XML for CI) go to stdout."
                        + " Default: text.")
    Format format = Format.text;

    @Override
    public Integer call() {
        Console console = root.console();
        // A CI job that collects the report needs one however the run ends.
        switch (format) {
            case json -> console.owe(JsonRenderer::render);
            case junit -> console.owe(run -> TestReports.junit(String.valueOf(run.context()
                    .getOrDefault("environment", environment.name == null ? "default" : environment.name)), run));
            case text -> { }
        }
        OneEnvironmentOption.Deployed deployed = environment.open(root, console);
        Environment selected = deployed.environment();
        CompiledOutput output = deployed.output();
        DataTests.Collected collected = collect(output, selected, stories, console);
        if (!collected.problems().isEmpty()) {
            console.diagnostics(collected.problems(), output.sources());
            return ExitCode.PROJECT_ERRORS;
        }
        WarehouseTarget target = Warehouses.target(root, selected, console);
        List<TestOutcome> outcomes = new ArrayList<>();
        try (WarehouseConnection session = Warehouses.open(target, console)) {
            outcomes.addAll(session.test(collected.tests()));
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
        outcomes.addAll(collected.skipped());
        switch (format) {
            case json -> console.out().print(TestReports.json(selected.name(), outcomes));
            case junit -> console.out().print(TestReports.junit(selected.name(), outcomes));
            case text -> console.out().print(TestReports.text(console.quiet()
                    ? outcomes.stream().filter(o -> o.status() != TestOutcome.Status.PASSED).toList() : outcomes));
        }
        console.out().flush();
        console.diagnostics(TestReports.diagnostics(outcomes), output.sources());
        if (format == Format.text) {
            console.result(TestReports.summary(outcomes));
        }
        return outcomes.stream().anyMatch(TestOutcome::isProblem) ? ExitCode.PROJECT_ERRORS : ExitCode.OK;
    }

    /**
     * Returns the environment's data tests: its stories' tests/*.sql and the generated primary-key
     * tests, only {@code stories}' when any are named. Shared by {@code test} and {@code ci}.
     */
    static DataTests.Collected collect(
            CompiledOutput output, Environment selected, List<String> stories, Console console) {
        DeployedLookml lookml = DeployedLookml.of(output);
        Map<String, Map<String, String>> testFiles = new TreeMap<>();
        Set<String> known = new TreeSet<>(lookml.viewStories().values());
        output.files()
                .forEach(
                        (path, text) -> {
                            String[] parts = path.split("/");
                            if (parts.length >= 2
                                    && List.of("etl", "views", "explores", "tests")
                                            .contains(parts[0])) {
                                known.add(parts[1]);
                            }
                            if (parts.length == 3
                                    && parts[0].equals("tests")
                                    && parts[2].endsWith(".sql")) {
                                testFiles
                                        .computeIfAbsent(parts[1], s -> new TreeMap<>())
                                        .put(output.shown(path), text);
                            }
                        });
        for (String story : stories) {
            if (!known.contains(story)) {
                console.failure(
                        "environment " + selected.name() + " has no story `" + story + "`",
                        Spelling.didYouMean(story, known)
                                .orElse("its stories are " + String.join(", ", known)));
                throw new CommandFailure(ExitCode.USAGE);
            }
        }
        return DataTests.collect(
                testFiles, lookml.project(), lookml.viewStories(), new LinkedHashSet<>(stories));
    }
}
