package dev.storyc.bench;

import dev.storyc.lookml.Corpus;
import dev.storyc.lookml.syntax.LookmlParser;
import dev.storyc.lookml.syntax.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Parses every {@code .lkml} file of the shared corpus into full lossless trees, single-threaded
 * and in-process, the way the peer figures were taken. {@link #main} runs the benchmark,
 * prints MB/s (UTF-8 input bytes per second), then measures the heap the trees retain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LookmlParseBenchmark {
    private String[] paths;
    private String[] texts;

    @Setup
    public void load() {
        Map<String, String> files = corpus();
        paths = files.keySet().toArray(String[]::new);
        texts = files.values().toArray(String[]::new);
    }

    /** Parses the whole corpus once. */
    @Benchmark
    public void parseCorpus(Blackhole sink) {
        for (int i = 0; i < texts.length; i++) {
            sink.consume(LookmlParser.parse(paths[i], texts[i]));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> files = corpus();
        long bytes = utf8Bytes(files.values());
        Options cli = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(cli)
                .include(LookmlParseBenchmark.class.getSimpleName() + ".parseCorpus").build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            double ms = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "%nparse: %d files, %d bytes, %.3f ± %.3f ms per corpus = %.1f MB/s%n",
                    files.size(), bytes, ms, error, bytes / 1e6 / (ms / 1e3));
        }
        heap();
    }

    /**
     * Measures what the trees retain: the heap in use after a full GC with every tree alive, minus
     * the heap in use before parsing, with the input held as UTF-8 bytes throughout. The trees'
     * source strings are counted as part of the trees, since a tree cannot print without them.
     */
    static void heap() {
        Map<String, String> files = corpus();
        List<byte[]> inputs = new ArrayList<>();
        List<String> paths = new ArrayList<>(files.keySet());
        files.values().forEach(t -> inputs.add(t.getBytes(StandardCharsets.UTF_8)));
        long inputBytes = inputs.stream().mapToLong(b -> b.length).sum();
        files = null;
        long before = usedAfterGc();
        List<ParsedFile> trees = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            trees.add(LookmlParser.parse(paths.get(i), new String(inputs.get(i), StandardCharsets.UTF_8)));
        }
        long after = usedAfterGc();
        long structure = trees.stream().mapToLong(p -> p.tree().structureBytes()).sum();
        System.out.printf(Locale.ROOT,
                "heap: %d input bytes; trees retain %d bytes = %.2fx input (node arrays alone: %.2fx)%n",
                inputBytes, after - before, (after - before) / (double) inputBytes, structure / (double) inputBytes);
        if (trees.isEmpty()) {
            System.out.println();
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static Map<String, String> corpus() {
        Path dir = Corpus.locate();
        if (dir == null) {
            throw new IllegalStateException("LookML corpus not found: run from the checkout, beside ../shared");
        }
        return Corpus.lkml(dir);
    }

    private static long utf8Bytes(Collection<String> texts) {
        return texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
