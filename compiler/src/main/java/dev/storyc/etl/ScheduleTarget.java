package dev.storyc.etl;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an environment's scheduled jobs run: the environment, the folder its output repository is
 * checked out in on the scheduler's host, and where a Kubernetes job clones it from.
 *
 * @param checkout the conventional {@code /srv/storyc/<environment>}, the same on a cron host and
 *     in a Kubernetes pod, so both schedules run the same command in the same place
 * @param remote the output repository's remote, when the environment has one; a Kubernetes job
 *     clones it, otherwise it mounts the volume {@code storyc-<environment>-checkout}
 * @param image the container image that holds storyc, tagged with the compiler's version
 */
public record ScheduleTarget(
        String environment, String checkout, Optional<String> remote, String branch, String image) {
    public ScheduleTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(remote, "remote");
    }

    /** Returns the target of an environment under storyc's conventions. */
    public static ScheduleTarget of(
            String environment, Optional<String> remote, String branch, String compilerVersion) {
        return new ScheduleTarget(
                environment,
                "/srv/storyc/" + environment,
                remote,
                branch,
                "storyc:" + compilerVersion);
    }
}
