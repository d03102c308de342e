package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.Timeouts;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.diag.Result;
import dev.storyc.publish.OutputSnapshot;
import dev.storyc.publish.PublishException;
import dev.storyc.warehouse.ChangeStatus;
import dev.storyc.warehouse.OutputPlan;
import dev.storyc.warehouse.RegistryState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database half of {@code storyc status --live}: for one environment, whether each story's
 * changes are deployed, read from its registry (one query) against its output plan at the head. An
 * environment that cannot be reached is not an error for a status view: its cells say so.
 *
 * @param stories one word per story (see {@link ChangeStatus#byStory}); empty when unreachable
 * @param problem why the environment could not be read, if it could not
 */
record LiveStatus(Map<String, String> stories, Optional<String> problem) {

    /** @param folder the environment's output repository */
    static LiveStatus of(Path folder, Environment environment, StorycCommand root) {
        OutputPlan plan;
        try {
            OutputSnapshot snapshot =
                    OutputSnapshot.read(
                            folder,
                            environment.output().branch(),
                            Optional.empty());
            Result<OutputPlan> read = OutputPlan.read(snapshot.commit(), snapshot::file);
            if (!read.ok()) {
                return unreachable("its output plan cannot be read");
            }
            plan = read.get();
        } catch (PublishException e) {
            plan =
                    new OutputPlan(
                            "",
                            environment.name(),
                            environment.hash(),
                            List.of(),
                            java.util.Set.of());
        }
        try {
            // Only a command for one environment may use the warehouse.url override.
            WarehouseTarget target =
                    WarehouseTarget.of(
                            environment,
                            root.processEnvironment(),
                            Optional.empty(),
                            new Timeouts(
                                    Duration.ofSeconds(root.settings().warehouseConnectTimeout()),
                                    Duration.ZERO));
            try (Applier applier = Applier.connect(target)) {
                RegistryState state = applier.readRegistry();
                return new LiveStatus(
                        ChangeStatus.byStory(ChangeStatus.of(plan, state)), Optional.empty());
            }
        } catch (DatabaseException e) {
            return unreachable(e.getMessage());
        }
    }

    private static LiveStatus unreachable(String why) {
        return new LiveStatus(Map.of(), Optional.of(why));
    }

    /**
     * Returns the cell of a story: its word, {@code -} when it has no changes there, {@code ?}
     * unreachable.
     */
    String cell(String story) {
        return problem.isPresent() ? "?" : stories.getOrDefault(story, "-");
    }
}
