package dev.storyc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The storyc command line. {@link #run} returns the exit code instead of exiting, so tests drive
 * the whole CLI in-process and assert on stdout, stderr and the code.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Output is the same bytes on every machine: a Turkish locale would fold `i` to a dotted
        // capital in names compared as keys, and an Arabic one would print other digits.
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, System.getenv(), System.console() != null, args));
    }

    /** Runs storyc with the process environment; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), false, args);
    }

    /** Runs storyc with an explicit process environment, for tests that set variables. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> environment, boolean interactive,
            String... args) {
        return run(out, err, environment, Path.of(""), interactive, args);
    }

    /**
     * Runs storyc as if started in {@code workingDirectory}: where the workspace is looked for and
     * relative paths are resolved. Tests use it to run storyc from a subfolder in-process.
     */
    public static int run(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory,
            boolean interactive, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        StorycCommand storyc = new StorycCommand(environment, workingDirectory, outWriter, errWriter, interactive);
        CommandLine commandLine = CommandTree.forArguments(storyc, () -> new StorycCommand(environment,
                        workingDirectory, outWriter, errWriter, interactive), args)
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler((exception, cmd, parsed) -> {
                    if (exception instanceof CommandFailure failure) {
                        return failure.exitCode();
                    }
                    Optional<java.nio.file.InvalidPathException> unnamed = causeOf(exception,
                            java.nio.file.InvalidPathException.class);
                    if (unnamed.isPresent() && !isUtf8(System.getProperty("sun.jnu.encoding"))) {
                        return unnameableFile(errWriter, unnamed.get());
                    }
                    return internalError(errWriter, exception);
                });
        HelpLayout.install(commandLine);
        CommandTree.shareVersion(commandLine);
        try {
            int code = commandLine.execute(args);
            storyc.finish(code);
            return code;
        } catch (StackOverflowError | OutOfMemoryError exhausted) {
            // Picocli hands only exceptions to the handler; these errors would escape as a raw JVM
            // trace. The limits in evaluation and rendering should make them unreachable.
            return exhausted(errWriter, exhausted);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Reports running out of stack or memory as the bug it is, with the top of the trace only. */
    private static int exhausted(PrintWriter err, VirtualMachineError error) {
        err.println("error: storyc ran out of " + (error instanceof StackOverflowError ? "stack" : "memory")
                + ". This is a bug in storyc: a limit should have stopped it with a located error.");
        err.println("Please report it with the command you ran and the text below.");
        err.println();
        err.println(error);
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < Math.min(12, frames.length); i++) {
            err.println("\tat " + frames[i]);
        }
        return ExitCode.INTERNAL_ERROR;
    }

    /**
     * Reports a file name that this process cannot name, which is not a bug: Java names files in the
     * locale's encoding, and under the C or POSIX locale (many containers and CI images) that is
     * ASCII. The launcher asks for a UTF-8 locale; a JVM started otherwise gets this.
     */
    private static int unnameableFile(PrintWriter err, java.nio.file.InvalidPathException e) {
        err.println("error: cannot name the file `" + dev.storyc.diag.Printable.escaped(e.getInput())
                + "` in this locale's encoding (" + System.getProperty("sun.jnu.encoding") + ")");
        err.println("  = help: run storyc with a UTF-8 locale, such as LC_ALL=C.UTF-8 (the storyc launcher sets"
                + " one); nothing was written");
        return ExitCode.OPERATION_FAILED;
    }

    private static boolean isUtf8(String encoding) {
        return encoding != null && encoding.replace("-", "").equalsIgnoreCase("UTF8");
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Reports a bug in storyc: the one case where a stack trace is the right thing to show. */
    private static int internalError(PrintWriter err, Exception exception) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        err.println("error: storyc hit an internal error. This is a bug in storyc, not in your project.");
        err.println("Please report it with the command you ran and the text below.");
        err.println();
        err.print(trace);
        return ExitCode.INTERNAL_ERROR;
    }
}
