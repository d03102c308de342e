package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentKind;
import dev.storyc.config.SecretReference;
import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.Timeouts;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.publish.OutputSnapshot;
import dev.storyc.publish.PublishException;
import dev.storyc.settings.Settings;
import dev.storyc.warehouse.OutputPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every {@code storyc warehouse} command starts from: the environment, the output commit's
 * plan and the database to connect to. Failures end the command: a broken plan with exit 1, an
 * unknown commit, a missing repository or an unset password with exit 3.
 */
final class WarehouseSession {
    final Environment environment;
    final OutputSnapshot snapshot;
    final OutputPlan plan;
    final WarehouseTarget target;

    private WarehouseSession(
            Environment environment,
            OutputSnapshot snapshot,
            OutputPlan plan,
            WarehouseTarget target) {
        this.environment = environment;
        this.snapshot = snapshot;
        this.plan = plan;
        this.target = target;
    }

    static WarehouseSession open(StorycCommand root, WarehouseOptions options, Console console) {
        Project project = root.openProject(console);
        EnvironmentOptions selection = new EnvironmentOptions();
        if (options.environment != null) {
            selection.names.add(options.environment);
        }
        Environment environment = selection.select(project, root.settings(), console).get(0);
        console.context("environment", environment.name());
        java.nio.file.Path folder =
                OutputFolders.reading(project, root.settings(), null, console).folder(environment);
        CompiledOutput.requireCompiled(environment, folder, CompiledOutput.shown(project, folder), console);
        OutputSnapshot snapshot;
        try {
            snapshot = OutputSnapshot.read(folder, environment.output().branch(), options.commit());
        } catch (PublishException e) {
            console.failure(e.getMessage(), e.hint());
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
        Result<OutputPlan> plan = OutputPlan.read(snapshot.commit(), snapshot::file);
        if (!plan.ok()) {
            console.diagnostics(plan.diagnostics(), sources(snapshot));
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        WarehouseTarget target;
        try {
            target = target(environment, root.settings(), root.processEnvironment());
        } catch (DatabaseException e) {
            throw failed(console, e);
        }
        // Defence in depth: nothing should print the password, and the console masks it if anything
        // did.
        if (environment.values().get("warehouse") instanceof Map<?, ?> warehouse
                && warehouse.get("password") instanceof SecretReference secret) {
            Optional.ofNullable(root.processEnvironment().get(secret.variable()))
                    .ifPresent(value -> console.mask(List.of(value)));
        }
        return new WarehouseSession(environment, snapshot, plan.get(), target);
    }

    /** Returns the database target of an environment, with the settings' URL and timeouts. */
    static WarehouseTarget target(
            Environment environment, Settings settings, Map<String, String> process)
            throws DatabaseException {
        return WarehouseTarget.of(environment, process, settings.warehouseUrl(), timeouts(settings));
    }

    /** Returns the connect and lock timeouts the settings give. */
    static Timeouts timeouts(Settings settings) {
        return new Timeouts(
                Duration.ofSeconds(settings.warehouseConnectTimeout()),
                Duration.ofSeconds(settings.warehouseLockTimeout()));
    }

    boolean isDevelopment() {
        return environment.kind() == EnvironmentKind.DEVELOPMENT;
    }

    Applier connect(Console console) {
        try {
            return Applier.connect(target);
        } catch (DatabaseException e) {
            throw failed(console, e);
        }
    }

    /** Prints a database failure and returns the exit-3 ending to throw. */
    static CommandFailure failed(Console console, DatabaseException e) {
        console.failure(e.getMessage(), e.hint().isEmpty() ? null : e.hint());
        return new CommandFailure(ExitCode.OPERATION_FAILED);
    }

    /** Returns the output commit's scripts as sources, so diagnostics quote the failing line. */
    static List<SourceFile> sources(OutputSnapshot snapshot) {
        List<SourceFile> sources = new ArrayList<>();
        snapshot.files().forEach((path, text) -> sources.add(new SourceFile(path, text)));
        return sources;
    }

    /** Returns who is applying, for the registry: CI's user when CI says, else the OS user. */
    static String actor(Map<String, String> process) {
        for (String variable :
                List.of("STORYC_ACTOR", "GITHUB_ACTOR", "GITLAB_USER_LOGIN", "USER", "USERNAME")) {
            Optional<String> value =
                    Optional.ofNullable(process.get(variable)).filter(v -> !v.isBlank());
            if (value.isPresent()) {
                return value.get();
            }
        }
        return System.getProperty("user.name", "unknown");
    }
}
