package dev.storyc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs storyc as a real JVM process on the test classpath, for tests that need several processes
 * at once or that kill one: races and crashes cannot be shown in-process.
 */
public final class StorycProcess {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private StorycProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code storyc --project WORKSPACE --color never ARGS...}; output goes to files under {@code logs}. */
    public static StorycProcess start(Path workspace, Path logs, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short runs: the C1 compiler alone starts faster, and the heap is small.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "dev.storyc.cli.Main", "--project", workspace.toString(), "--color", "never"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "stdout-", ".txt");
            Path err = Files.createTempFile(logs, "stderr-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("STORYC_"));
            builder.environment().putAll(environment);
            return new StorycProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGKILL, as a crash or an OOM killer would, and waits for the process to die. */
    public void kill() {
        process.destroyForcibly();
        await(30);
    }

    /** Sends SIGTERM, as a cancelled CI job or Ctrl-C would, and returns the outcome. */
    public Storyc.Outcome terminate() {
        process.destroy();
        return await(30);
    }

    /** Waits for the process to end and returns its outcome. */
    public Storyc.Outcome await(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("storyc did not finish within " + seconds + " s");
            }
            return new Storyc.Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
