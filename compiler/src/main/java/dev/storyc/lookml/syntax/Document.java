package dev.storyc.lookml.syntax;

/** The Document is the root node of a file: the file's top-level items. */
public record Document(SyntaxTree tree, int index) implements Container {}
