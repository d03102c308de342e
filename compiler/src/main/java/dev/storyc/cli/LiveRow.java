package dev.storyc.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One environment's line of {@code storyc ci}'s live table: what apply, etl, test and validate came
 * to, in that order, each {@code skipped} after the first step that did not pass.
 */
record LiveRow(String environment, List<Step> steps) {
    /** The columns, in the order the steps run. */
    static final List<String> STEPS = List.of("apply", "etl", "test", "validate");

    LiveRow {
        steps = List.copyOf(steps);
    }

    /** How one step ended. */
    enum Status {
        /** It ran and found nothing wrong. */
        PASSED,
        /** It ran and found project errors: a failing script, job, test or field. */
        FAILED,
        /** The database could not be reached or refused us: an operational failure. */
        UNREACHABLE,
        /** An earlier step of the environment did not pass. */
        SKIPPED
    }

    /** One cell: the status and what to show, such as {@code 3 deployed} or {@code 4 ok}. */
    record Step(Status status, String summary) {
        static final Step SKIPPED = new Step(Status.SKIPPED, "skipped");
        static final Step UNREACHABLE = new Step(Status.UNREACHABLE, "unreachable");

        static Step passed(String summary) {
            return new Step(Status.PASSED, summary);
        }

        static Step failed(String summary) {
            return new Step(Status.FAILED, summary);
        }
    }

    /** Returns ci's exit code for this row: 3 when unreachable, 1 when a step failed, else 0. */
    int exitCode() {
        if (steps.stream().anyMatch(s -> s.status() == Status.UNREACHABLE)) {
            return ExitCode.OPERATION_FAILED;
        }
        return steps.stream().anyMatch(s -> s.status() == Status.FAILED)
                ? ExitCode.PROJECT_ERRORS
                : ExitCode.OK;
    }

    /** Returns the row as the JSON document's element: environment, then each step's cell. */
    Map<String, Object> json() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("environment", environment);
        for (int i = 0; i < STEPS.size(); i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("status", steps.get(i).status().name().toLowerCase(java.util.Locale.ROOT));
            step.put("summary", steps.get(i).summary());
            object.put(STEPS.get(i), step);
        }
        return object;
    }
}
