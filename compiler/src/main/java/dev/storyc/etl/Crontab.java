package dev.storyc.etl;

import java.util.List;

/**
 * Writes an environment's crontab: one line per job, running {@code storyc etl run} in a checkout
 * of the environment's output repository. cron is the scheduler every Unix host already has; the
 * file is what {@code crontab schedules/crontab} installs.
 *
 * <p>Each line holds {@code flock -n}, so an hourly job still running an hour later is skipped
 * rather than run twice at once, as Kubernetes' {@code concurrencyPolicy: Forbid} does.
 */
public final class Crontab {
    private Crontab() {}

    /** Returns the crontab text; jobs in the order given (apply order, then name). */
    public static String of(ScheduleTarget target, List<EtlJob> jobs) {
        StringBuilder text = new StringBuilder();
        text.append("# ETL schedule of environment ")
                .append(target.environment())
                .append(", written by storyc from its stories. Do not edit:\n")
                .append(
                        "# change a job's schedule in its story. Install it from a checkout of"
                            + " this")
                .append(" repository in\n")
                .append("# ")
                .append(target.checkout())
                .append(" with:  crontab ")
                .append(ScheduleFiles.CRONTAB)
                .append("\n")
                .append("# Times are the host's local time. See docs/etl.md in storyc.\n")
                .append("SHELL=/bin/sh\n")
                .append("PATH=/usr/local/bin:/usr/bin:/bin\n");
        if (jobs.isEmpty()) {
            text.append("# This environment has no ETL jobs.\n");
        }
        for (EtlJob job : jobs) {
            text.append("\n# ")
                    .append(job.qualifiedName())
                    .append(" (")
                    .append(job.mode().name())
                    .append(" into ")
                    .append(job.target())
                    .append(")\n");
            text.append(job.schedule())
                    .append(" cd ")
                    .append(target.checkout())
                    .append(" && flock -n ")
                    .append(lockFile(target, job))
                    .append(" storyc etl run --env ")
                    .append(target.environment())
                    .append(' ')
                    .append(job.qualifiedName())
                    .append('\n');
        }
        return text.toString();
    }

    private static String lockFile(ScheduleTarget target, EtlJob job) {
        return "/tmp/storyc-"
                + target.environment()
                + "-"
                + job.story()
                + "-"
                + job.name()
                + ".lock";
    }
}
