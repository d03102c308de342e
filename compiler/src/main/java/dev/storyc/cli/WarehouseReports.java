package dev.storyc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.storyc.db.Registry;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.JsonRenderer;
import dev.storyc.diag.Plural;
import dev.storyc.warehouse.Action;
import dev.storyc.warehouse.ApplyPlan;
import dev.storyc.warehouse.ChangeId;
import dev.storyc.warehouse.ChangeStatus;
import dev.storyc.warehouse.DeployedChange;
import dev.storyc.warehouse.OutputPlan;

import java.io.PrintWriter;
import java.util.List;

/**
 * How the warehouse commands print: aligned text for people, and with {@code --format json} one
 * JSON document on stdout for scripts (Jackson), with the same facts and stable field names.
 */
final class WarehouseReports {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WarehouseReports() {}

    static String verb(Action action) {
        if (action instanceof Action.Deploy) {
            return "deploy";
        } else if (action instanceof Action.Revert) {
            return "revert";
        } else if (action instanceof Action.Rework) {
            return "rework";
        } else if (action instanceof Action.Adopt) {
            return "record";
        }
        return "update-revert";
    }

    static String reason(Action action) {
        if (action instanceof Action.Revert revert) {
            return revert.reason().words() + "; deployed " + deployed(revert.deployed());
        } else if (action instanceof Action.Rework rework) {
            // Stories that require it stay deployed: said here, since its revert may drop what
            // their objects use, and the server then refuses it.
            return "edited since it was deployed " + deployed(rework.deployed())
                    + (rework.requiredBy().isEmpty() ? ""
                            : "; stays deployed, requiring it: " + String.join(", ", rework.requiredBy()));
        } else if (action instanceof Action.Deploy deploy) {
            return deploy.again().orElse("new");
        } else if (action instanceof Action.UpdateRevert) {
            return "stores the corrected revert script";
        } else if (action instanceof Action.Adopt adopt) {
            return "new; --log-only: deploy.sql not run, "
                    + (adopt.tables().isEmpty() ? "" : Plural.of(adopt.tables().size(), "table") + " checked, ")
                    + (adopt.change().verify().isPresent() ? "verify.sql runs" : "no verify.sql");
        }
        return "new";
    }

    static String deployed(DeployedChange change) {
        return Times.shown(change.deployedAt())
                + " by "
                + change.deployedBy()
                + " from "
                + OutputPlan.shortId(change.outputCommit());
    }

    static void planText(PrintWriter out, WarehouseSession session, ApplyPlan plan) {
        for (Action action : plan.actions()) {
            out.printf("%-14s %-40s %s%n", verb(action), action.id(), reason(action)).flush();
        }
        for (ChangeId done : plan.revertedAlready()) {
            // The registry holds no deployed row for it: reverted already, or never deployed here
            // (a deploy that failed), and it cannot tell which (round 22).
            out.printf("%-14s %-40s %s%n", "reverted", done, "backed out; not deployed here (reverted, or never deployed)");
        }
        long reverts = plan.actions().stream().filter(a -> a instanceof Action.Revert).count();
        long deploys = plan.actions().stream().filter(a -> a instanceof Action.Deploy).count();
        long reworks = plan.actions().stream().filter(a -> a instanceof Action.Rework).count();
        long records = plan.actions().stream().filter(a -> a instanceof Action.Adopt).count();
        long revertUpdates = plan.actions().stream().filter(a -> a instanceof Action.UpdateRevert).count();
        out.printf(
                "%s at output %s: %d to revert, %d to deploy, %s%d to rework, %s%d up to date%s%n",
                session.environment.name(),
                OutputPlan.shortId(session.plan.commit()),
                reverts,
                deploys,
                records == 0 ? "" : records + " to record (--log-only), ",
                reworks,
                revertUpdates == 0 ? "" : revertUpdates + " revert script" + (revertUpdates == 1 ? "" : "s")
                        + " to store, ",
                plan.upToDate().size(),
                plan.refusals().isEmpty() ? "" : ", " + plan.refusals().size() + " refused");
        out.flush();
    }

    static ObjectNode planJson(WarehouseSession session, ApplyPlan plan) {
        ObjectNode root = header(session);
        ArrayNode actions = root.putArray("actions");
        for (Action action : plan.actions()) {
            ObjectNode node = actions.addObject();
            node.put("action", verb(action));
            node.put("change", action.id().toString());
            node.put("reason", reason(action));
        }
        ArrayNode upToDate = root.putArray("up_to_date");
        plan.upToDate().forEach(change -> upToDate.add(change.id().toString()));
        ArrayNode reverted = root.putArray("reverted_already");
        plan.revertedAlready().forEach(id -> reverted.add(id.toString()));
        // "diagnostics", as in every other document storyc prints, the failure document included.
        root.set("diagnostics", diagnostics(plan.refusals()));
        return root;
    }

    static void statusText(PrintWriter out, WarehouseSession session, List<ChangeStatus> rows) {
        out.printf("%-40s %-15s %-21s %-16s %s%n", "CHANGE", "STATE", "DEPLOYED AT", "BY", "FROM");
        for (ChangeStatus row : rows) {
            out.printf(
                    "%-40s %-15s %-21s %-16s %s%n",
                    row.id(),
                    row.state().spelling(),
                    row.deployed().map(d -> Times.shown(d.deployedAt())).orElse("-"),
                    row.deployed().map(DeployedChange::deployedBy).orElse("-"),
                    row.deployed().map(d -> OutputPlan.shortId(d.outputCommit())).orElse("-"));
        }
        out.printf(
                "%s at output %s: %d deployed, %d pending, %d edited, %d pending revert, %d"
                    + " drift%n",
                session.environment.name(),
                OutputPlan.shortId(session.plan.commit()),
                count(rows, ChangeStatus.State.DEPLOYED),
                count(rows, ChangeStatus.State.PENDING),
                count(rows, ChangeStatus.State.EDITED),
                count(rows, ChangeStatus.State.PENDING_REVERT),
                count(rows, ChangeStatus.State.DRIFT));
        out.flush();
    }

    static ObjectNode statusJson(WarehouseSession session, List<ChangeStatus> rows) {
        ObjectNode root = header(session);
        ArrayNode changes = root.putArray("changes");
        for (ChangeStatus row : rows) {
            ObjectNode node = changes.addObject();
            node.put("change", row.id().toString());
            node.put("story", row.id().story());
            node.put("state", row.state().spelling());
            row.deployed()
                    .ifPresentOrElse(
                            d -> {
                                node.put("deployed_at", d.deployedAt().toString());
                                node.put("deployed_by", d.deployedBy());
                                node.put("output_commit", d.outputCommit());
                                node.put("environment_hash", d.environmentHash());
                                node.put("deploy_hash", d.deployHash());
                            },
                            () -> node.putNull("deployed_at"));
        }
        return root;
    }

    static void logText(PrintWriter out, List<Registry.Event> events) {
        for (Registry.Event event : events) {
            out.printf(
                    "%6d %s %-13s %-40s %-16s %s%s%n",
                    event.sequence(),
                    Times.shown(event.at()),
                    event.kind(),
                    event.change(),
                    event.actor(),
                    event.outputCommit() == null ? "-" : OutputPlan.shortId(event.outputCommit()),
                    event.message() == null ? "" : "  " + event.message());
        }
        out.flush();
    }

    static ObjectNode logJson(WarehouseSession session, List<Registry.Event> events) {
        ObjectNode root = header(session);
        ArrayNode list = root.putArray("events");
        for (Registry.Event event : events) {
            ObjectNode node = list.addObject();
            node.put("sequence", event.sequence());
            node.put("at", event.at().toString());
            node.put("kind", event.kind());
            node.put("change", event.change().toString());
            node.put("deploy_hash", event.deployHash());
            node.put("output_commit", event.outputCommit());
            node.put("environment_hash", event.environmentHash());
            node.put("actor", event.actor());
            node.put("message", event.message());
        }
        return root;
    }

    static ObjectNode header(WarehouseSession session) {
        ObjectNode root = JSON.createObjectNode();
        root.put("environment", session.environment.name());
        root.put("output_commit", session.plan.commit());
        root.put("environment_hash", session.plan.environmentHash());
        root.put("database", session.target.describe());
        root.put("registry_schema", session.target.registrySchema());
        return root;
    }

    static JsonNode diagnostics(List<Diagnostic> diagnostics) {
        try {
            return JSON.readTree(JsonRenderer.render(diagnostics));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("storyc's own diagnostics JSON did not parse", e);
        }
    }

    /**
     * Returns the failure document of a command that lost its database after it had done part of
     * its work: the command's own document of what it did, with the run's failures and exit code
     * beside it. The generic failure document would say nothing ran, and a CI wrapper reading it
     * would miss the changes or job runs that committed before the connection was lost.
     */
    static Console.FailureDocument partial(ObjectNode document) {
        return run -> {
            ObjectNode copy = document.deepCopy();
            var failures = copy.putArray("failures");
            run.failures().forEach(failure -> {
                ObjectNode node = failures.addObject().put("message", failure.message());
                failure.hint().ifPresent(hint -> node.put("hint", hint));
            });
            copy.put("exit_code", run.exitCode());
            return text(copy) + "\n";
        };
    }

    static void print(PrintWriter out, JsonNode document) {
        out.println(text(document));
        out.flush();
    }

    private static String text(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(List<ChangeStatus> rows, ChangeStatus.State state) {
        return rows.stream().filter(row -> row.state() == state).count();
    }
}
