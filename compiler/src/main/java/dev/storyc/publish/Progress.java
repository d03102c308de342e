package dev.storyc.publish;

import java.io.PrintWriter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.TextProgressMonitor;

/**
 * Where publishing reports progress and warnings, always on stderr. On a terminal JGit's own
 * monitor redraws one line per task; in logs (no terminal, or {@code CI} set) each finished task is
 * one plain line, so a CI log is readable and holds no carriage returns.
 */
public final class Progress {
    /** How progress is shown. */
    public enum Style {
        /** Redrawn in place, for a person at a terminal. */
        TERMINAL,
        /** One line per finished task, for logs. */
        LINES,
        /** Nothing but warnings. */
        QUIET
    }

    private final Style style;
    private final PrintWriter err;

    private Progress(Style style, PrintWriter err) {
        this.style = style;
        this.err = err;
    }

    public static Progress to(PrintWriter err, Style style) {
        return new Progress(style, err);
    }

    /** Returns a Progress that prints nothing, not even warnings; for tests and benchmarks. */
    public static Progress silent() {
        return new Progress(Style.QUIET, null);
    }

    /** Prints a warning: something storyc noticed and handled, which a person should know about. */
    public void warn(String message) {
        if (err != null) {
            synchronized (err) {
                err.println("warning: " + RemoteUrl.redact(message));
                err.flush();
            }
        }
    }

    /** Prints one plain progress line, unless quiet. */
    public void line(String message) {
        if (err != null && style != Style.QUIET) {
            synchronized (err) {
                err.println(RemoteUrl.redact(message));
                err.flush();
            }
        }
    }

    /** Returns a JGit monitor whose tasks are prefixed with {@code label}, such as the environment. */
    ProgressMonitor monitor(String label) {
        return switch (style) {
            case TERMINAL -> new TextProgressMonitor(err);
            case LINES -> new LineMonitor(label);
            case QUIET -> NullProgressMonitor.INSTANCE;
        };
    }

    /**
     * Returns a monitor for work on the output repository itself, such as writing a commit's
     * objects: redrawn on a terminal, where a long compile shows it moves, and silent in logs,
     * where a line per environment per compile says nothing a remote's transfer does not.
     */
    ProgressMonitor localMonitor(String label) {
        return style == Style.TERMINAL ? monitor(label) : NullProgressMonitor.INSTANCE;
    }

    /** Prints "label: task: N" when a task ends; nothing while it runs. */
    private final class LineMonitor implements ProgressMonitor {
        private final String label;
        private String task;
        private int done;
        private int total;

        LineMonitor(String label) {
            this.label = label;
        }

        @Override
        public void start(int totalTasks) {
        }

        @Override
        public void beginTask(String title, int totalWork) {
            task = title;
            total = totalWork;
            done = 0;
        }

        @Override
        public void update(int completed) {
            done += completed;
        }

        @Override
        public void endTask() {
            if (task != null) {
                line(label + ": " + task + ": " + (total > 0 ? done + "/" + total : String.valueOf(done)) + ", done");
                task = null;
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void showDuration(boolean enabled) {
        }
    }
}
