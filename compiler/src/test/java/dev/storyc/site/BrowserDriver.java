package dev.storyc.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/browser/site.test.mjs} (playwright-core driving headless Chromium) on a
 * written site and returns its report. Without node, Chromium or {@code npm ci} in that folder, a
 * test is skipped on a developer's machine and fails in CI ({@code CI=true}), so a missing install
 * step can never pass for a green run.
 */
final class BrowserDriver {
    static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("STORYC_CHROMIUM", "/usr/bin/chromium"));
    static final Path FOLDER = Checkout.root().resolve("compiler/src/test/browser");

    private BrowserDriver() {}

    /** Skips (or in CI fails) the calling test when the browser or the driver is missing. */
    static void requireTools() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (apt-get install chromium)");
        }
        if (!Files.isDirectory(FOLDER.resolve("node_modules/playwright-core"))) {
            missing.add("playwright-core (npm ci in " + FOLDER + ")");
        }
        if (!onPath("node")) {
            missing.add("node (apt-get install nodejs)");
        }
        if (!missing.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the browser test needs " + String.join(", ", missing));
            }
            Assumptions.abort("skipped without " + String.join(", ", missing));
        }
    }

    /** Opens {@code site} in the browser and returns the driver's report. */
    static JsonNode run(Path site, Path screenshots, Path scratch, String... mode)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of("node", "site.test.mjs", site.toString(), screenshots.toString()));
        command.addAll(List.of(mode));
        Path errors = Files.createTempFile(scratch, "node", ".err");
        Process node =
                new ProcessBuilder(command)
                        .directory(FOLDER.toFile())
                        .redirectError(errors.toFile())
                        .start();
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(180, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("the browser driver did not finish in 180 s");
        }
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(stdout + Files.readString(errors)).isZero();
        return new ObjectMapper().readTree(stdout);
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
