package dev.storyc.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
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
    /** How long a branch's lock is waited for before a missing ref counts as damage. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

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
            if (Files.isRegularFile(log) && Files.size(log) > 0 && !madeMeanwhile(repository, ref, loose)) {
                return Optional.of(".git/" + ref + " is gone, though its reflog shows it was made");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Returns whether the branch turns up after all. JGit appends to the reflog before it renames
     * the ref's lock file into place, so another run making the branch's first commit shows a
     * reflog and no ref for a moment: while the lock is there, wait for it (as long as a move may
     * take), then look again.
     */
    private static boolean madeMeanwhile(Repository repository, String ref, Path loose) throws IOException {
        Path lock = loose.resolveSibling(loose.getFileName() + ".lock");
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        do {
            repository.getRefDatabase().refresh();
            if (repository.resolve(ref) != null) {
                return true;
            }
            if (!Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) {
                repository.getRefDatabase().refresh();
                return repository.resolve(ref) != null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Returns how to put the branch back: its reflog's last line names the commit it was at. */
    static String hint(Path directory, String branch) {
        return "the last line of " + directory.resolve(".git/logs/refs/heads/" + branch) + " names the commit it"
                + " was at: `git -C " + directory + " update-ref refs/heads/" + branch + " COMMIT` puts it back;"
                + " storyc does not start the output's history again by itself";
    }
}
