package dev.storyc.lookml.syntax;

/** Parses {@code .lkml} text into lossless syntax trees. */
public final class LookmlParser {
    private LookmlParser() {}

    /**
     * Returns the tree of {@code text} and the problems found in it. Never throws on bad input.
     *
     * @param path the workspace-relative path, used in positions
     */
    public static ParsedFile parse(String path, String text) {
        return new Parser(path, text).parse();
    }
}
