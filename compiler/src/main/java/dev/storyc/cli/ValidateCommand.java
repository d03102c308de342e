package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.JdbcSqlExecutor;
import dev.storyc.db.WarehouseConnection;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.diag.Plural;
import dev.storyc.validate.SqlExecutor;
import dev.storyc.validate.ValidationPlan;
import dev.storyc.validate.ValidationPlanner;
import dev.storyc.validate.ValidationResult;
import dev.storyc.validate.Validator;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code storyc validate}: run every field's SQL against the environment's warehouse. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the environment's LookML against its warehouse: every dimension and measure"
                + " in the query Looker would write (base table, the explore's joins, LIMIT 0),"
                + " batched and run read-only. Each failing field is reported at its LookML line"
                + " with the database's message.",
            "Fields whose SQL holds Liquid or constants are parsed, counted and skipped."
        })
final class ValidateCommand implements Callable<Integer> {
    /** How the queries are grouped. */
    enum Strategy {
        batched,
        per_field
    }

    @ParentCommand StorycCommand root;

    @Mixin OneEnvironmentOption environment;

    @Mixin FormatOption output;

    @Option(
            names = "--strategy",
            paramLabel = "STRATEGY",
            hidden = true,
            description =
                    "batched (default) or per_field, one query per field per explore, the baseline"
                        + " the benchmark measures against.")
    Strategy strategy = Strategy.batched;

    @Override
    public Integer call() {
        Console console = root.console(output.format);
        long start = System.nanoTime();
        OneEnvironmentOption.Deployed deployed = environment.open(root, console);
        Environment selected = deployed.environment();
        CompiledOutput compiled = deployed.output();
        DeployedLookml lookml = DeployedLookml.of(compiled);
        ValidationPlan plan =
                strategy == Strategy.batched
                        ? ValidationPlanner.plan(lookml.project())
                        : ValidationPlanner.perField(lookml.project());
        long planned = System.nanoTime();
        console.info(String.format("read and planned %d batches in %d ms", plan.batches().size(),
                (planned - start) / 1_000_000));
        WarehouseTarget target = Warehouses.target(root, selected, console);
        ValidationResult result;
        try (WarehouseConnection session = Warehouses.open(target, console)) {
            SqlExecutor executor = session.validation();
            result =
                    strategy == Strategy.batched
                            ? Validator.run(plan, executor)
                            : Validator.runEach(plan, executor);
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        } catch (JdbcSqlExecutor.Stopped e) {
            throw WarehouseSession.failed(console, e.failure());
        }
        console.info(String.format("ran them in %d ms", (System.nanoTime() - planned) / 1_000_000));
        console.diagnostics(result.diagnostics(), compiled.sources());
        String skipped =
                result.skipped().isEmpty()
                        ? ""
                        : "; skipped "
                                + plan.skippedCount()
                                + " ("
                                + result.skipped().entrySet().stream()
                                        .map(e -> e.getValue() + ": " + e.getKey())
                                        .collect(Collectors.joining("; "))
                                + ")";
        console.result(
                selected.name()
                        + ": "
                        + result.validated()
                        + " fields valid, "
                        + Plural.of(result.diagnostics().size(), "problem")
                        + ", "
                        + result.notValidated()
                        + " not validated behind a failing join, table or field"
                        + skipped
                        + "; "
                        + Plural.of(result.queries(), "query")
                        + " in "
                        + Plural.of(result.roundTrips(), "round trip"));
        return result.passed() ? ExitCode.OK : ExitCode.PROJECT_ERRORS;
    }
}
