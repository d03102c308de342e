package dev.storyc.lookml.syntax;

/** Walks the tokens of a tree in document order; the printer and the trivia checks build on it. */
final class Tokens {
    /** Receives one token as a half-open range of source offsets. */
    @FunctionalInterface
    interface Sink {
        void token(int start, int end);
    }

    private Tokens() {}

    static void forEach(SyntaxTree tree, Sink sink) {
        int count = tree.nodeCount();
        // Closing tokens of open blocks and lists wait on a stack until their subtree ends.
        int[] closers = new int[16];
        int[] closeAt = new int[16];
        int depth = 0;
        for (int i = 0; i < count; i++) {
            while (depth > 0 && closeAt[depth - 1] <= i) {
                depth--;
                emitCloser(tree, closers[depth], sink);
            }
            NodeKind kind = tree.kind(i);
            int start = tree.get(i, SyntaxTree.START);
            int keyEnd = tree.get(i, SyntaxTree.KEY_END);
            int colon = tree.get(i, SyntaxTree.COLON);
            int valueStart = tree.get(i, SyntaxTree.VALUE_START);
            int valueEnd = tree.get(i, SyntaxTree.VALUE_END);
            switch (kind) {
                case DOCUMENT -> {
                }
                case PAIR, CODE, ELEMENT -> {
                    if (keyEnd >= 0) {
                        sink.token(start, keyEnd);
                        sink.token(colon, colon + 1);
                    }
                    if (valueEnd > valueStart) {
                        sink.token(valueStart, valueEnd);
                    }
                    if (kind == NodeKind.CODE && tree.has(i, SyntaxTree.CLOSED)) {
                        sink.token(valueEnd, valueEnd + 2);
                    }
                }
                case BLOCK, LIST -> {
                    sink.token(start, keyEnd);
                    sink.token(colon, colon + 1);
                    if (kind == NodeKind.BLOCK) {
                        if (valueStart >= 0) {
                            sink.token(valueStart, Block.nameEnd(tree, valueStart));
                        }
                        sink.token(valueEnd, valueEnd + 1);
                    } else {
                        sink.token(valueStart, valueStart + 1);
                    }
                    if (depth == closers.length) {
                        closers = java.util.Arrays.copyOf(closers, depth * 2);
                        closeAt = java.util.Arrays.copyOf(closeAt, depth * 2);
                    }
                    closers[depth] = i;
                    closeAt[depth] = tree.get(i, SyntaxTree.NEXT);
                    depth++;
                }
            }
        }
        while (depth > 0) {
            depth--;
            emitCloser(tree, closers[depth], sink);
        }
    }

    private static void emitCloser(SyntaxTree tree, int node, Sink sink) {
        if (tree.has(node, SyntaxTree.CLOSED)) {
            int end = tree.get(node, SyntaxTree.END);
            sink.token(end - 1, end);
        }
    }
}
