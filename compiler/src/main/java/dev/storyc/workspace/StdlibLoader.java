package dev.storyc.workspace;

import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Loads the stdlib from the classpath, where the stdlib module's jar puts it. The index file lists
 * what is there, because a classpath cannot be listed portably.
 */
public final class StdlibLoader {
    private static final String BASE = "/storyc/stdlib/";

    private StdlibLoader() {}

    /** Returns the stdlib bundled with this compiler; a missing resource means a broken build. */
    public static Stdlib load() {
        Properties index = new Properties();
        try (InputStream in = resource("index.properties")) {
            index.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, SourceFile> templates = new TreeMap<>();
        Map<String, SourceFile> partials = new TreeMap<>();
        for (String name : index.getProperty("templates").split(",")) {
            templates.put(name.strip(), read("templates/" + name.strip() + ".mustache"));
        }
        for (String name : index.getProperty("partials").split(",")) {
            partials.put(name.strip(), read("partials/" + name.strip() + ".mustache"));
        }
        return new Stdlib(read("types/environment.toml"), templates, partials);
    }

    private static SourceFile read(String path) {
        try (InputStream in = resource(path)) {
            byte[] bytes = in.readAllBytes();
            return SourceText.decode("stdlib/" + path, bytes, new Diagnostics())
                    .orElseThrow(() -> new IllegalStateException("stdlib/" + path + " is not UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = StdlibLoader.class.getResourceAsStream(BASE + path);
        if (in == null) {
            throw new IllegalStateException("the stdlib lacks " + path + "; the build is broken");
        }
        return in;
    }
}
