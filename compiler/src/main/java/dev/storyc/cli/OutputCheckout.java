package dev.storyc.cli;

import dev.storyc.emit.ConnectionFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.publish.OutputSnapshot;
import dev.storyc.publish.PublishException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A checkout of an output repository, where the schedules run {@code storyc etl run}: a cron
 * host's {@code /srv/storyc/ENV}, or the clone a Kubernetes job's init container makes. No
 * workspace is there, so the environment and its warehouse come from the checkout's own head
 * commit ({@code warehouse/connection.toml}), read from git objects as every run-time command
 * reads an output, never from the working tree.
 */
final class OutputCheckout {
    private OutputCheckout() {}

    /**
     * Opens the checkout in {@code folder} for the ETL commands, or ends the command: exit 3 when
     * it cannot be read or has no connection file, exit 2 when {@code --env} names another
     * environment than the one it holds.
     */
    static OneEnvironmentOption.EtlSite open(Path folder, String requested, StorycCommand root, Console console) {
        OutputSnapshot snapshot;
        try {
            snapshot = OutputSnapshot.read(folder, "HEAD", Optional.of("HEAD"), path -> true);
        } catch (PublishException e) {
            console.failure("cannot read the output checkout " + folder + ": " + e.getMessage(), e.hint());
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
        Optional<ConnectionFile> file = Optional.ofNullable(snapshot.files().get(OutputLayout.CONNECTION))
                .flatMap(ConnectionFile::parse);
        if (file.isEmpty()) {
            console.failure(folder + " is a checkout of an output repository, but its head commit has no readable "
                            + OutputLayout.CONNECTION + ", which says how to reach the warehouse",
                    "compile and push the environment with this storyc, which writes it, then pull here; or run"
                            + " the job from the workspace");
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
        ConnectionFile connection = file.get();
        if (requested != null && !requested.equals(connection.environment())) {
            console.failure("this checkout holds the output of environment `" + connection.environment()
                            + "`, not `" + requested + "`",
                    "run it with --env " + connection.environment() + ", or from the checkout of " + requested);
            throw new CommandFailure(ExitCode.USAGE);
        }
        console.context("environment", connection.environment());
        CompiledOutput output = new CompiledOutput(folder, ".", snapshot.commit(), new TreeMap<>(snapshot.files()));
        return new OneEnvironmentOption.EtlSite(connection.environment(), output,
                (command, shown) -> Warehouses.target(command, connection, shown));
    }
}
