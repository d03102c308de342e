package dev.storyc.workspace;

import java.util.Optional;

/**
 * ImportPaths polices the paths environments.toml imports, as text: the loader refuses to read a
 * bad one, and the config stage reports it at the import's line. Links are checked by the loader,
 * which alone can see them.
 */
public final class ImportPaths {
    private ImportPaths() {}

    /** Returns why a path may not be imported, or empty when it is a plain path inside the workspace. */
    public static Optional<String> problemWith(String path) {
        if (path.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (path.indexOf('\0') >= 0) {
            return Optional.of("it holds a NUL character, which no file name may hold");
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*") || path.contains("\\")) {
            return Optional.of("it is not a relative path with forward slashes");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("it climbs out of the workspace with `..`");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("it has an empty or `.` segment");
            }
        }
        return Optional.empty();
    }
}
