package dev.storyc.publish;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One file's change as a unified diff, in git's format: JGit's histogram diff and its formatter
 * write the hunks (three lines of context, "\ No newline at end of file" included), so the output
 * reads and applies exactly like {@code git diff}'s.
 */
public final class UnifiedDiff {
    private static final DiffAlgorithm HISTOGRAM =
            DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    private UnifiedDiff() {}

    /**
     * Returns the diff of {@code path} from {@code before} to {@code after}, where an empty side is
     * a file that does not exist; empty text when both sides are equal.
     */
    public static String of(String path, Optional<String> before, Optional<String> after) {
        if (before.equals(after)) {
            return "";
        }
        RawText a = new RawText(before.orElse("").getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.orElse("").getBytes(StandardCharsets.UTF_8));
        EditList edits = HISTOGRAM.diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder header = new StringBuilder("diff --git a/" + path + " b/" + path + "\n");
        if (before.isEmpty()) {
            header.append("new file mode 100644\n");
        } else if (after.isEmpty()) {
            header.append("deleted file mode 100644\n");
        }
        header.append(before.isPresent() ? "--- a/" + path : "--- /dev/null").append('\n');
        header.append(after.isPresent() ? "+++ b/" + path : "+++ /dev/null").append('\n');
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setContext(3);
            formatter.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header + out.toString(StandardCharsets.UTF_8);
    }
}
