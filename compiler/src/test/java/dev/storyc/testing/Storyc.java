package dev.storyc.testing;

import dev.storyc.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives the storyc CLI in-process and captures what a user would see. */
public final class Storyc {
    private Storyc() {}

    /** The outcome of one storyc invocation. */
    public record Outcome(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs {@code storyc --project DIR --color never ARGS...} with a clean environment. */
    public static Outcome run(Path project, String... args) {
        return run(project, Map.of(), args);
    }

    /** Runs storyc with the given process environment variables. */
    public static Outcome run(Path project, Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of("--project", project.toString(), "--color", "never"));
        all.addAll(List.of(args));
        return runRaw(environment, all.toArray(String[]::new));
    }

    /** Runs storyc with exactly these arguments. */
    public static Outcome runRaw(Map<String, String> environment, String... args) {
        return runIn(Path.of(""), environment, args);
    }

    /** Runs storyc with exactly these arguments, as if started in {@code workingDirectory}. */
    public static Outcome runIn(Path workingDirectory, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(environment);
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, workingDirectory, false, args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
