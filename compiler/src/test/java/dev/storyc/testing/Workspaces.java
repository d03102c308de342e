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
     * Changes the source state so that every environment's output tree changes: a Looker constant
     * in the shared base, which lands in every manifest.lkml. A story edit would not do, because
     * production compiles its sealed release's pinned trees, not the working tree.
     */
    public static void changeSource(Path workspace, String marker) {
        Path file = workspace.resolve("environments.toml");
        try {
            String text = Files.readString(file);
            String line = "source_state = \"" + marker.replace("\"", "'") + "\"";
            String header = "[bases.redshift.looker.constants]\n";
            if (text.contains(header)) {
                text = text.replaceFirst("(?m)^source_state = \".*\"$", java.util.regex.Matcher.quoteReplacement(line));
            } else {
                text = text + "\n" + header + line + "\n";
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
