package dev.storyc.lookml.syntax;

/** A Pair is {@code key: value}, where the value is a bare literal or a quoted string. */
public record Pair(SyntaxTree tree, int index) implements Item, Valued {}
