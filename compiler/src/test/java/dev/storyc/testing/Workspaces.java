package dev.storyc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Edits to a copied example workspace that push, race and crash tests need. */
public final class Workspaces {
    private Workspaces() {}

    /** Sets {@code output.remote} of one environment by appending a table to environments.toml. */
    public static void setRemote(Path workspace, String environment, String url) {
        append(workspace.resolve("environments.toml"),
                "\n[environments." + environment + ".output]\nremote = \"" + url + "\"\n");
    }

    /**
     * Changes the source state by appending a SQL comment to a story every environment includes,
     * so that every environment's output tree changes.
     */
    public static void changeSource(Path workspace, String marker) {
        append(workspace.resolve("stories/patients/schema/deploy.sql"), "\n-- " + marker + "\n");
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
