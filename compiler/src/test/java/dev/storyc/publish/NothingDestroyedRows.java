package dev.storyc.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.TreeSnapshot;
import dev.storyc.testing.Workspaces;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The vocabulary of {@link NothingDestroyedTest}'s rows: what a row is, how a defect is prepared,
 * and where the expected diagnostic points.
 */
final class NothingDestroyedRows {
    private NothingDestroyedRows() {}

    /**
     * Prepares a defect in {@code workspace} (inside {@code temp}); returns the expected location.
     */
    @FunctionalInterface
    interface Defect {
        String apply(Path workspace, Path temp) throws IOException;
    }

    /**
     * One defect; {@code code} is the diagnostic code, or for exit 3 the text the message must
     * hold.
     */
    record Row(
            String name,
            Defect defect,
            boolean compiledBefore,
            Map<String, String> variables,
            int exit,
            String code,
            List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every row, as the parameterized test takes them. */
    static Stream<Arguments> all() {
        List<Row> rows = new ArrayList<>();
        PlacementDefectRows.addTo(rows);
        RepositoryDefectRows.addTo(rows);
        return rows.stream().map(row -> Arguments.of(row.name(), row));
    }

    static Row row(
            String name, boolean compiledBefore, String code, Defect defect, String... args) {
        return new Row(name, defect, compiledBefore, Map.of(), 1, code, List.of(args));
    }

    /**
     * Appends {@code text} to environments.toml; returns {@code environments.toml:L:1} for its
     * {@code line}-th line (1 is the first appended line), where the offending key is.
     */
    static String envs(Path workspace, int line, String text) throws IOException {
        Path file = workspace.resolve("environments.toml");
        long existing = Files.readString(file).lines().count();
        String before = Files.readString(file);
        int start = before.endsWith("\n") ? (int) existing + 1 : (int) existing;
        Files.writeString(file, text, StandardOpenOption.APPEND);
        return "environments.toml:" + (start + line - 1) + ":1";
    }

    static String settingsFile(Path workspace, String line) {
        Checkout.write(workspace.resolve("storyc.toml"), line + "\n");
        return "storyc.toml:1:1";
    }

    static String definedAt(Path workspace, String environment) {
        List<String> lines = Checkout.read(workspace.resolve("environments.toml")).lines().toList();
        int index = lines.indexOf("[environments." + environment + "]");
        if (index < 0) {
            throw new UncheckedIOException(new IOException("no table for " + environment));
        }
        return "environments.toml:" + (index + 1) + ":1";
    }
}
