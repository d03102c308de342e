package dev.storyc.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Tells a damaged branch from one that was never made. JGit reads an empty or garbled loose ref,
 * which a power loss can leave, as no branch at all, and a compile would then start the output's
 * history again: a commit without a parent, whose change summary and pending reverts forget all
 * that came before, so a backed-out story's tables would never be dropped. The reflog, which every
 * move of the branch appends to, says that it existed.
 */
final class DamagedBranch {
    private DamagedBranch() {}

    /** Returns what is wrong with the branch, or empty when it is sound or was never made. */
    static Optional<String> problem(Repository repository, String branch) {
        String ref = Constants.R_HEADS + branch;
        Path gitDir = repository.getDirectory().toPath();
        Path loose = gitDir.resolve(ref);
        try {
            // Read before resolving: JGit passes over a garbled loose ref to an older packed one.
            if (Files.exists(loose, LinkOption.NOFOLLOW_LINKS)
                    && !Files.readString(loose).matches("[0-9a-f]{40}\\n?|ref: \\S+\\n?")) {
                return Optional.of(".git/" + ref + " is empty or garbled");
            }
            if (repository.resolve(ref) != null) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of(".git/" + ref + " cannot be read (" + e.getMessage() + ")");
        }
        Path log = gitDir.resolve(Constants.LOGS).resolve(ref);
        try {
            if (Files.isRegularFile(log) && Files.size(log) > 0) {
                return Optional.of(".git/" + ref + " is gone, though its reflog shows it was made");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Returns how to put the branch back: its reflog's last line names the commit it was at. */
    static String hint(Path directory, String branch) {
        return "the last line of " + directory.resolve(".git/logs/refs/heads/" + branch) + " names the commit it"
                + " was at: `git -C " + directory + " update-ref refs/heads/" + branch + " COMMIT` puts it back;"
                + " storyc does not start the output's history again by itself";
    }
}
