package dev.storyc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a checked-in expected file. {@code STORYC_UPDATE_GOLDEN=1} rewrites the
 * expected files instead, so an intended change is one command and a reviewable diff.
 */
public final class Golden {
    private Golden() {}

    /** Returns the source folder of golden files: src/test/resources/golden in the compiler module. */
    public static Path folder() {
        return Checkout.root().resolve("compiler/src/test/resources/golden");
    }

    public static boolean updating() {
        return "1".equals(System.getenv("STORYC_UPDATE_GOLDEN"));
    }

    public static void assertMatches(Path expectedFile, String actual) {
        if (updating()) {
            Checkout.write(expectedFile, actual);
            return;
        }
        assertThat(expectedFile)
                .as("golden file %s is missing; run with STORYC_UPDATE_GOLDEN=1 to create it", expectedFile)
                .exists();
        assertThat(actual)
                .as("output differs from %s; if the change is intended, run with STORYC_UPDATE_GOLDEN=1", expectedFile)
                .isEqualTo(Checkout.read(expectedFile));
    }

    /** Lists golden files in a folder, for the hygiene check that no expected file is orphaned. */
    public static java.util.List<String> namesIn(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
