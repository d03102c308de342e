package dev.storyc.check;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import dev.storyc.etl.JobKey;
import dev.storyc.etl.RunPlan;
import dev.storyc.etl.SqlStatement;
import dev.storyc.toml.TomlDocument;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.StoryFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tomlj.TomlTable;

/**
 * Reads and checks ETL job files ({@code etl/<job>.job.toml}): the required keys {@code target},
 * {@code schedule}, {@code sql} and {@code source} are strings, {@code mode} is one of the known
 * modes, the SQL file exists beside the job, and the schedule is a five-field Unix cron expression
 * (checked with cron-utils), and a {@code key} is well formed and present on every {@code merge}
 * job ({@link JobKey}). Returns the jobs' targets for the table check.
 */
final class EtlJobs {
    static final List<String> REQUIRED = List.of("target", "schedule", "sql", "source");
    static final List<String> KEYS = List.of("target", "schedule", "sql", "source", "mode", "key", "description");
    static final List<String> MODES = List.of("append", "merge", "replace");

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Schedules repeat across jobs and environments; remember each verdict (empty when valid). */
    private static final Map<String, Optional<String>> SCHEDULES = new ConcurrentHashMap<>();

    /** An ETL job's {@code target}, where it was written, and the file that holds it. */
    /**
     * A job's target as written, with its merge key (empty for other modes) and where the key is,
     * for the checks that read the target's table.
     */
    record Target(String value, Position renderedAt, CheckedFile file, List<String> key, Position keyAt) {
        Target {
            key = List.copyOf(key);
        }
    }

    private EtlJobs() {}

    static List<Target> check(Scope scope) {
        List<Target> targets = new ArrayList<>();
        for (CheckedFile file : scope.files(ArtifactKind.ETL_JOB)) {
            ParseCache.Toml parsed = scope.cache.toml(file.path(), file.text());
            parsed.diagnostics().forEach(d -> scope.report(file.moved(d)));
            parsed.document().ifPresent(document -> job(scope, file, document, parsed.values(), targets));
        }
        return targets;
    }

    private static void job(Scope scope, CheckedFile file, TomlDocument document, Map<String, Object> values,
            List<Target> targets) {
        TomlTable root = document.root();
        String job = file.file().fileName().replace(".job.toml", "");
        Optional<CheckedFile> script = values.get("sql") instanceof String sql ? scriptOf(scope, file, sql)
                : Optional.empty();
        List<SqlStatement> statements = script.map(f -> scope.cache.etlStatements(f.path(), f.text()))
                .orElse(List.of());
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                scope.report(Diagnostic.error(Code.ETL_JOB_INVALID, file.at(document.positionOf(root, key), key),
                                "ETL job `" + job + "` has an unknown key `" + key + "`")
                        .withHint(Spelling.didYouMean(key, KEYS).orElse("the keys are " + String.join(", ", KEYS))));
            } else if (!key.equals("key") && !(values.get(key) instanceof String)) {
                scope.report(Diagnostic.error(Code.ETL_JOB_INVALID, file.at(document.positionOf(root, key), key),
                                "`" + key + "` of ETL job `" + job + "` must be a string")
                        .withHint("quote the value: " + key + " = \"...\""));
            }
        }
        for (String key : REQUIRED) {
            if (!values.containsKey(key)) {
                scope.report(Diagnostic.error(Code.ETL_JOB_INVALID, Position.ofFile(file.path()),
                                "ETL job `" + job + "` has no `" + key + "`")
                        .withHint("a job needs " + String.join(", ", REQUIRED) + "; see docs/checks.md"));
            }
        }
        if (values.get("mode") instanceof String mode && !MODES.contains(mode)) {
            scope.report(Diagnostic.error(Code.ETL_JOB_INVALID, file.at(document.positionOf(root, "mode"), "mode"),
                            "ETL job `" + job + "` has mode `" + mode + "`, which is not one of "
                                    + String.join(", ", MODES))
                    .withHint(Spelling.didYouMean(mode, MODES).orElse("append adds rows, merge upserts, replace rebuilds")));
        }
        if (values.get("mode") instanceof String mode || !values.containsKey("mode")) {
            String modeName = values.get("mode") instanceof String m ? m : "append";
            Object key = root.get("key");
            JobKey.problem(job, modeName, key, script.isPresent() && RunPlan.isQuery(statements)).ifPresent(problem -> scope.report(Diagnostic.error(problem.code(),
                            key == null ? file.at(document.positionOf(root, "mode"), "mode")
                                    : file.at(document.positionOf(root, "key"), "key"),
                            problem.message())
                    .withHint(problem.hint())));
        }
        if (values.get("sql") instanceof String sql) {
            List<String> scripts = file.story().filesOf(ArtifactKind.ETL_SQL).stream().map(StoryFile::fileName).toList();
            if (script.isPresent() && values.get("target") instanceof String target) {
                // A script whose last query's rows would be thrown away ({@link RunPlan#discardedQuery}).
                RunPlan.discardedQuery(statements).ifPresent(query -> scope.report(RunPlan.discardedRows(
                        file.story().id() + "/" + job, sql, target,
                        script.get().at(query.start(), query.firstWord()))));
            }
            if (!scripts.contains(sql)) {
                scope.report(Diagnostic.error(Code.ETL_JOB_INVALID, file.at(document.positionOf(root, "sql"), "sql"),
                                "ETL job `" + job + "` runs `" + sql + "`, which story `" + file.story().id()
                                        + "` does not have in etl/")
                        .withHint(Spelling.didYouMean(sql, scripts).orElse("add etl/" + sql + " to the story")));
            }
        }
        if (values.get("schedule") instanceof String schedule) {
            cronProblem(schedule).ifPresent(problem -> scope.report(
                    Diagnostic.error(Code.ETL_SCHEDULE_INVALID, file.at(document.positionOf(root, "schedule"), "schedule"),
                                    "ETL job `" + job + "` has schedule `" + schedule + "`, which is not a valid cron"
                                            + " expression: " + problem)
                            .withHint("write five fields: minute hour day-of-month month day-of-week,"
                                    + " such as \"30 2 * * *\" for 02:30 every day")));
        }
        if (values.get("target") instanceof String target) {
            boolean merge = "merge".equals(values.get("mode"));
            targets.add(new Target(target, document.positionOf(root, "target"), file,
                    merge ? JobKey.columns(root.get("key")) : List.of(),
                    merge && root.get("key") != null ? document.positionOf(root, "key") : Position.ofFile(file.path())));
        }
    }

    /** Returns the rendered SQL file a job runs, when its story has it. */
    private static Optional<CheckedFile> scriptOf(Scope scope, CheckedFile job, String sql) {
        return scope.files(ArtifactKind.ETL_SQL, job.story().id()).stream()
                .filter(f -> f.file().fileName().equals(sql))
                .findFirst();
    }

    /** Returns why a schedule is not a Unix cron expression, or empty when it is one. */
    static Optional<String> cronProblem(String schedule) {
        return SCHEDULES.computeIfAbsent(schedule, text -> {
            if (text.strip().startsWith("@")) {
                return Optional.of("`@` shorthands such as @daily are not read here; write the five fields they stand"
                        + " for, such as \"0 0 * * *\"");
            }
            try {
                com.cronutils.model.Cron cron = CRON.parse(text).validate();
                return neverFires(text, cron) ? Optional.of("no date matches its day of month and month, so it never"
                        + " fires") : Optional.empty();
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage()).strip();
                return Optional.of(message.isEmpty() ? "it does not parse" : lowerFirst(message));
            }
        });
    }

    /**
     * Returns true when a schedule that does not restrict the day of week has no date to fire on,
     * such as {@code 0 0 30 2 *}: cron accepts it and never runs the job. Searched from a fixed
     * date over eight years, so that the answer never depends on today and 29 February counts;
     * with a day of week, cron fires on either day field, so such a schedule always fires.
     */
    private static boolean neverFires(String text, com.cronutils.model.Cron cron) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 5 || !(fields[4].equals("*") || fields[4].equals("?"))) {
            return false;
        }
        java.time.ZonedDateTime from = java.time.ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC);
        return com.cronutils.model.time.ExecutionTime.forCron(cron).nextExecution(from)
                .filter(next -> next.isBefore(from.plusYears(8)))
                .isEmpty();
    }

    private static String lowerFirst(String text) {
        String sentence = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
