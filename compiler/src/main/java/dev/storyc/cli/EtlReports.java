package dev.storyc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.storyc.db.EtlRunner;
import dev.storyc.db.EtlRuns;
import dev.storyc.diag.Diagnostic;
import dev.storyc.etl.EtlJob;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON documents of {@code etl run} and {@code etl status} ({@code --format json}), for the CI
 * step or scheduler wrapper that must know which job failed and how many rows each loaded without
 * parsing a table. Versioned as the listings are ({@code storyc.etl-run/1}, {@code
 * storyc.etl-status/1}, docs/schemas), with the warehouse documents' {@code diagnostics}.
 */
final class EtlReports {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EtlReports() {}

    /**
     * Returns {@code etl run}'s document: each run in order, the jobs the first failure kept from
     * running, and the failure's diagnostic.
     */
    static ObjectNode run(String environment, String commit, List<EtlRunner.JobRun> runs, List<EtlJob> notRun) {
        ObjectNode root = header("storyc.etl-run/1", environment, commit);
        ArrayNode list = root.putArray("runs");
        for (EtlRunner.JobRun run : runs) {
            ObjectNode node = list.addObject();
            job(node, run.job());
            node.put("status", run.status().name().toLowerCase(Locale.ROOT));
            node.put("run_id", run.runId());
            node.put("rows", run.rows());
            node.put("started", run.started().toString());
            node.put("ended", run.ended().toString());
            node.put("took_ms", Duration.between(run.started(), run.ended()).toMillis());
        }
        ArrayNode skipped = root.putArray("not_run");
        notRun.forEach(job -> skipped.add(job.qualifiedName()));
        List<Diagnostic> problems = runs.stream().flatMap(run -> run.problem().stream()).toList();
        root.set("diagnostics", WarehouseReports.diagnostics(problems));
        return root;
    }

    /** Returns {@code etl status}'s document: every job with its last run, or {@code never}. */
    static ObjectNode status(String environment, String commit, List<EtlJob> jobs, Map<String, EtlRuns.Run> last) {
        ObjectNode root = header("storyc.etl-status/1", environment, commit);
        ArrayNode list = root.putArray("jobs");
        for (EtlJob job : jobs) {
            ObjectNode node = list.addObject();
            job(node, job);
            Optional<EtlRuns.Run> run = Optional.ofNullable(last.get(job.qualifiedName()));
            if (run.isEmpty()) {
                node.put("status", "never");
                continue;
            }
            EtlRuns.Run r = run.get();
            node.put("status", r.status());
            node.put("run_id", r.runId());
            node.put("rows", r.rows());
            node.put("started", r.started().toString());
            node.put("ended", r.ended().map(Instant::toString).orElse(null));
            if (r.ended().isPresent()) {
                node.put("took_ms", Duration.between(r.started(), r.ended().get()).toMillis());
            } else {
                node.putNull("took_ms");
            }
            node.put("output_commit", r.outputCommit());
            node.put("error", r.error().isEmpty() ? null : r.error());
        }
        root.put("never_run", jobs.stream().filter(job -> !last.containsKey(job.qualifiedName())).count());
        root.set("diagnostics", NODES.arrayNode());
        return root;
    }

    private static ObjectNode header(String schema, String environment, String commit) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", schema);
        root.put("environment", environment);
        root.put("output_commit", commit);
        return root;
    }

    private static void job(ObjectNode node, EtlJob job) {
        node.put("job", job.qualifiedName());
        node.put("story", job.story());
        node.put("name", job.name());
    }
}
