package dev.storyc.cli;

/**
 * The exit codes: 0 success, 1 the project has errors, 2 command-line usage, 3 an operation failed,
 * 70 a bug in storyc. Scripts and CI depend on them, so they never change meaning.
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The project has errors; diagnostics were printed. */
    public static final int PROJECT_ERRORS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An operation failed: I/O, a push rejected after retries, a branch moved. */
    public static final int OPERATION_FAILED = 3;
    /** A bug in storyc. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {}
}
