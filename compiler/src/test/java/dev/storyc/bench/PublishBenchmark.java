package dev.storyc.bench;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.PublishResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a generated compile of {@value #ENVIRONMENTS} environments with {@value #FILES} files
 * each, through storyc's JGit publisher and through {@code git add -A && git commit} on the same
 * files, in one run, and prints both times and their ratio. Two rounds: the first commit of every
 * repository, then a second commit in which {@value #CHANGED_PERCENT}% of the files changed.
 *
 * <p>The storyc side is the whole publish (objects, commit, compare-and-swap ref update and the
 * working tree written out). The git side is timed twice: given the files already written (the
 * ratio the issue asks for, which leans towards git), and including writing them.
 */
public final class PublishBenchmark {
    static final int ENVIRONMENTS = 12;
    static final int FILES = 8_000;
    static final int CHANGED_PERCENT = 2;

    private PublishBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("storyc-publish-bench");
        System.out.printf(Locale.ROOT, "publish benchmark: %d environments x %d files, in %s%n", ENVIRONMENTS, FILES, root);
        warmUp(root.resolve("warmup"));

        long[] jgit = new long[2];
        long[] git = new long[2];
        long[] writing = new long[2];
        for (int round = 0; round < 2; round++) {
            for (int env = 0; env < ENVIRONMENTS; env++) {
                OutputTree tree = generate(env, round);
                long start = System.nanoTime();
                try (OutputRepository repository = OutputRepository.openOrCreate(root.resolve("jgit/env-" + env), "main")) {
                    PublishResult result = repository.publish(tree, "storyc: round " + round + "\n");
                    if (!(result instanceof PublishResult.Committed)) {
                        throw new IllegalStateException("expected a commit, got " + result);
                    }
                }
                jgit[round] += System.nanoTime() - start;

                Path folder = root.resolve("git/env-" + env);
                if (round == 0) {
                    Files.createDirectories(folder);
                    run(folder, "git", "init", "-q", "--initial-branch=main");
                }
                start = System.nanoTime();
                writeFiles(folder, tree);
                writing[round] += System.nanoTime() - start;
                start = System.nanoTime();
                run(folder, "sh", "-c", "git -c gc.auto=0 -c maintenance.auto=false add -A && git -c gc.auto=0"
                        + " -c maintenance.auto=false -c user.name=storyc -c user.email=storyc@localhost"
                        + " commit -q -m 'round " + round + "'");
                git[round] += System.nanoTime() - start;
            }
            verifySameTrees(root, round);
            report(round == 0 ? "round 1: first commit" : "round 2: " + CHANGED_PERCENT + "% of files changed",
                    jgit[round], git[round], writing[round]);
        }
        report("total", jgit[0] + jgit[1], git[0] + git[1], writing[0] + writing[1]);
        System.out.println("storyc's time includes writing the working tree; `git` is handed the files already"
                + " written, `git+files` also pays for writing them. Ratio < 1: storyc is faster.");
    }

    private static void report(String label, long jgit, long git, long writing) {
        System.out.printf(Locale.ROOT, "%-30s storyc %6.2f s | git add+commit %6.2f s, ratio %.2f | git+files %6.2f s,"
                + " ratio %.2f%n", label, seconds(jgit), seconds(git), (double) jgit / git, seconds(git + writing),
                (double) jgit / (git + writing));
    }

    private static void warmUp(Path folder) throws Exception {
        for (int round = 0; round < 2; round++) {
            try (OutputRepository repository = OutputRepository.openOrCreate(folder, "main")) {
                repository.publish(generate(99, round), "warm-up\n");
            }
        }
    }

    /** Returns environment {@code env}'s tree: LookML- and SQL-like files, a few per cent different in round 1. */
    static OutputTree generate(int env, int round) {
        TreeMap<String, OutputFile> files = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            int story = i / 20;
            String path = switch (i % 4) {
                case 0 -> "views/story-" + story + "/view_" + i + ".view.lkml";
                case 1 -> "explores/story-" + story + "/explore_" + i + ".explore.lkml";
                case 2 -> "warehouse/" + String.format(Locale.ROOT, "%03d", story) + "-story-" + story + "/deploy_" + i + ".sql";
                default -> "etl/story-" + story + "/job_" + i + ".job.toml";
            };
            boolean changed = round == 1 && i % (100 / CHANGED_PERCENT) == 0;
            files.put(path, new OutputFile(path, body(env, i, changed)));
        }
        return new OutputTree(files);
    }

    private static String body(int env, int i, boolean changed) {
        StringBuilder text = new StringBuilder(1_200);
        text.append("# generated for environment env_").append(env).append(changed ? " (changed)" : "").append('\n');
        text.append("view: v").append(i).append(" {\n  sql_table_name: analytics_env").append(env)
                .append(".table_").append(i).append(" ;;\n");
        for (int field = 0; field < 12; field++) {
            text.append("  dimension: field_").append(field).append(" {\n    type: string\n    sql: ${TABLE}.col_")
                    .append(field).append(" ;;\n  }\n");
        }
        return text.append("}\n").toString();
    }

    private static void writeFiles(Path folder, OutputTree tree) throws IOException {
        for (OutputFile file : tree.all()) {
            Path target = folder.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
        }
    }

    private static void verifySameTrees(Path root, int round) throws Exception {
        for (int env = 0; env < ENVIRONMENTS; env++) {
            String a = output(root.resolve("jgit/env-" + env), "git", "rev-parse", "main^{tree}");
            String b = output(root.resolve("git/env-" + env), "git", "rev-parse", "main^{tree}");
            if (!a.equals(b)) {
                throw new IllegalStateException("round " + round + ", env " + env + ": trees differ, " + a + " vs " + b);
            }
        }
    }

    private static void run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + folder);
        }
    }

    private static String output(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).start();
        String text = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return text;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

}
