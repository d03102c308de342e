package dev.storyc.workspace;

import java.util.Comparator;

/**
 * Orders names as people number them: runs of digits by their value, so {@code v9} comes before
 * {@code v10} and {@code 2026-W9} before {@code 2026-W49}. Release names allow both, and string
 * order put {@code v9} after {@code v10}, so the site called {@code v9} the newest release and
 * diffed it "since v10" (round 19). Names equal by value ({@code v01}, {@code v1}) fall back to
 * string order, so distinct names never compare equal. Written here because the JDK has no natural
 * order and a library for twenty lines would be more to trust than to read.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int iEnd = digitsEnd(a, i);
                int jEnd = digitsEnd(b, j);
                String left = stripZeros(a.substring(i, iEnd));
                String right = stripZeros(b.substring(j, jEnd));
                int byValue = left.length() != right.length() ? Integer.compare(left.length(), right.length())
                        : left.compareTo(right);
                if (byValue != 0) {
                    return byValue;
                }
                i = iEnd;
                j = jEnd;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String stripZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
