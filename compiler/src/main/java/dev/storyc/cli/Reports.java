package dev.storyc.cli;

import dev.storyc.publish.Drift;
import dev.storyc.publish.RemoteUrl;

/** Messages that push and ci share. */
final class Reports {
    private Reports() {}

    /** Prints drift: which commits, by whom, and what to do; the remote was left untouched. */
    static void drift(Console console, String environment, RemoteUrl remote, Drift drift) {
        StringBuilder message = new StringBuilder()
                .append("drift in `").append(environment).append("`'s remote ").append(remote.redacted())
                .append(": ").append(drift.reason()).append("; nothing was pushed and the remote is untouched");
        for (Drift.Commit commit : drift.commits()) {
            message.append("\n    ").append(commit);
        }
        if (drift.total() > drift.commits().size()) {
            message.append("\n    … and ").append(drift.total() - drift.commits().size()).append(" more");
        }
        console.failure(message.toString(), "storyc never overwrites a commit it did not make. Move the change into"
                + " the stories and revert it on the remote, or run with --adopt-drift to build the next commit on top of it");
    }

    /**
     * Prints one line per environment that compiled and passed every check, or was up to date, in
     * the order they were selected.
     */
    static void checked(Console console, java.util.List<dev.storyc.config.Environment> selected,
            dev.storyc.compile.ProjectCompiler.Compiled compiled) {
        java.util.Map<String, String> lines = new java.util.HashMap<>();
        for (var environment : compiled.environments()) {
            lines.put(environment.environment().name(), checkedLine(environment.environment().name(),
                    environment.selection().releaseName(), environment.selection().stories().size()));
        }
        for (var environment : compiled.upToDate()) {
            lines.put(environment.environment().name(), checkedLine(environment.environment().name(),
                    environment.selection().releaseName(), environment.selection().stories().size()));
        }
        for (var environment : selected) {
            String line = lines.get(environment.name());
            if (line != null) {
                console.result(line);
            }
        }
    }

    /** Returns the line that reports one environment that checked clean. */
    static String checkedLine(String environment, String release, int stories) {
        return String.format("ok  %-16s %-10s %d stories", environment, release, stories);
    }
}
