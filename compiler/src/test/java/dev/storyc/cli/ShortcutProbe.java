package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * How the shortcut tests tell which path a run took ({@link NoOpShortcut}): environments.toml is
 * overwritten in place with garbage of the same length and its modification time set back, so its
 * stamp is unchanged (the blind spot {@code InputStamps} documents). A run that reads it fails with
 * exit 1 at environments.toml:1; a run answered by the shortcut succeeds.
 */
final class ShortcutProbe {
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    private ShortcutProbe() {}

    /** Overwrites environments.toml in place with garbage of its length, keeping its stamp. */
    static void probe(Path workspace) {
        Path file = workspace.resolve("environments.toml");
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            int length = (int) Files.size(file);
            Files.write(file, "=".repeat(length).getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.setLastModifiedTime(file, modified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code run} read the inputs, so found the probe: it took the full path. */
    static void assertTookTheFullPath(Storyc.Outcome run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("environments.toml:1");
    }

    /**
     * Sets every input file's and folder's modification time to long ago, so that a run's record
     * of them is trusted ({@code CleanRun#trusted}).
     */
    static void backdate(Path workspace) {
        try (Stream<Path> paths = Files.walk(workspace)) {
            for (Path path : paths.filter(p -> !p.toString().contains("/.git")).toList()) {
                Files.setLastModifiedTime(path, FileTime.from(LONG_AGO));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
