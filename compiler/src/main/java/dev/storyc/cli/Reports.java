package dev.storyc.cli;

import dev.storyc.diag.Plural;

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
        console.failure(message.toString(), drift.hint());
    }

    /**
     * Prints one line per environment that compiled and passed every check, or was up to date, in
     * the order they were selected.
     */
    static void checked(Console console, java.util.List<dev.storyc.config.Environment> selected,
            dev.storyc.compile.ProjectCompiler.Compiled compiled) {
        var selections = compiled.selections();
        for (var environment : selected) {
            var selection = selections.get(environment.name());
            if (selection != null) {
                console.result(checkedLine(environment.name(), selection.releaseName(),
                        selection.stories().size()));
            }
        }
    }

    /** Returns the line that reports one environment that checked clean. */
    static String checkedLine(String environment, String release, int stories) {
        return String.format("ok  %-16s %-10s %s", environment, release, Plural.of(stories, "story"));
    }
}
