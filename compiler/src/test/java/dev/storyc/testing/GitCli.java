package dev.storyc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git} CLI, so tests check repositories the way users and Looker see them. */
public final class GitCli {
    private GitCli() {}

    /** The outcome of one git command. */
    public record Run(int exitCode, String stdout, String stderr) {}

    /** Runs git in {@code directory} and returns its output, failing the test if git fails. */
    public static String git(Path directory, String... args) {
        Run run = run(directory, args);
        if (run.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed (" + run.exitCode() + "): " + run.stderr());
        }
        return run.stdout().strip();
    }

    /** Runs git in {@code directory} and returns the outcome, whatever it is. */
    public static Run run(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-c");
        command.add("safe.directory=*");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " timed out");
            }
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
