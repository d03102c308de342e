package dev.storyc.lookml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the hand-written fixtures under {@code src/test/resources/lookml}. */
public final class Fixtures {
    /** The grammar fixtures, one per case family. */
    public static final List<String> GRAMMAR = List.of(
            "grammar/everything.view.lkml",
            "grammar/model.model.lkml",
            "grammar/manifest.lkml",
            "grammar/comments-everywhere.view.lkml",
            "grammar/tabs-no-final-newline.view.lkml",
            "grammar/empty.view.lkml",
            "grammar/only-comment.view.lkml");

    private Fixtures() {}

    /** Returns the text of a fixture, by its path under {@code lookml/}. */
    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/lookml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
