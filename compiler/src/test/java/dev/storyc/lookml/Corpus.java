package dev.storyc.lookml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shared LookML corpus at {@code ../shared/corpus/lookml}, beside the checkout. A user's clone
 * has no {@code ../shared}; tests that need the corpus call {@link #require()} and are skipped.
 */
public final class Corpus {
    private static final String RELATIVE = "../shared/corpus/lookml";

    private Corpus() {}

    /** Returns the corpus folder, or skips the calling test when it is absent. */
    public static Path require() {
        Path dir = locate();
        assumeTrue(dir != null, "LookML corpus not found at " + RELATIVE
                + " beside the checkout (set -Dstoryc.root); corpus tests skipped");
        return dir;
    }

    /** Returns the corpus folder, or null when it is absent. */
    public static Path locate() {
        String root = System.getProperty("storyc.root");
        if (root != null && !root.isBlank()) {
            Path dir = Paths.get(root).resolve(RELATIVE).normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve(RELATIVE).normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }

    /** Returns the relative paths listed in {@code _INVALID_FILES.txt}. */
    public static List<String> invalid(Path dir) {
        try (Stream<String> lines = Files.lines(dir.resolve("_INVALID_FILES.txt"))) {
            return lines.map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+")[0])
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns every file whose name ends with {@code suffix}, keyed by relative path, sorted. */
    public static Map<String, String> files(Path dir, String suffix) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Returns the {@code .lkml} files. */
    public static Map<String, String> lkml(Path dir) {
        return files(dir, ".lkml");
    }

    /** Returns the {@code .dashboard.lookml} files. */
    public static Map<String, String> dashboards(Path dir) {
        return files(dir, ".dashboard.lookml");
    }

    public static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
