package dev.storyc.lookml.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a tree accounts for every character: tokens come in order, and what lies between
 * them is only whitespace, comments and list commas. This is what makes printing lossless by
 * construction rather than by accident.
 */
final class TriviaCheck {
    private TriviaCheck() {}

    static List<String> problems(SyntaxTree tree) {
        List<String> problems = new ArrayList<>();
        String src = tree.source();
        int[] at = {0};
        Tokens.forEach(tree, (start, end) -> {
            if (start < at[0] || end < start) {
                problems.add(tree.position(start) + ": token out of order");
            } else if (!isTrivia(src, at[0], start)) {
                problems.add(tree.position(at[0]) + ": gap is not trivia: " + src.substring(at[0], start));
            }
            at[0] = Math.max(at[0], end);
        });
        if (!isTrivia(src, at[0], src.length())) {
            problems.add(tree.position(at[0]) + ": trailing text is not trivia");
        }
        return problems;
    }

    private static boolean isTrivia(String src, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (c == '#') {
                int nl = src.indexOf('\n', i);
                i = (nl < 0 || nl >= to) ? to : nl;
            } else if (c != ',' && !Chars.isSpace(c)) {
                return false;
            }
        }
        return true;
    }
}
