package dev.storyc.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The identity of the running compiler's code, mixed into every cache key: a cache entry says what
 * a compiler proved about some inputs, and another build of the code (even with the same version
 * number, as during development) may prove something else. The jar's path, size and modification
 * time stand for its content without reading it.
 */
final class CompilerBuild {
    private CompilerBuild() {}

    /** Returns the build's identity; the version alone when the code is not in one file. */
    static String identity() {
        String version = Version.number();
        try {
            Path code =
                    Path.of(
                            CompilerBuild.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            if (Files.isRegularFile(code)) {
                BasicFileAttributes attributes =
                        Files.readAttributes(code, BasicFileAttributes.class);
                return version
                        + " "
                        + code.toAbsolutePath()
                        + " "
                        + attributes.size()
                        + " "
                        + attributes.lastModifiedTime().toMillis();
            }
            return version + " " + code.toAbsolutePath();
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            return version;
        }
    }
}
