package dev.storyc.emit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One file of an output repository: a repository-relative path and its text. */
public record OutputFile(String path, String text) {
    public OutputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
