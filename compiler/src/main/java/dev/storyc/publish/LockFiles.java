package dev.storyc.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lock files ({@code *.lock}) that git and JGit create beside a file while they rewrite it, and the
 * rule for the ones a killed process leaves behind.
 *
 * <p>The rule: in an output repository that storyc owns (the local {@code out/<env>}), storyc
 * removes a lock (ref locks under {@code refs/}, {@code HEAD.lock}, {@code packed-refs.lock},
 * {@code index.lock}) at once when the storyc process that held it is provably dead ({@link
 * Writers}), and otherwise only when it is older than {@link #STALE_AFTER}; either way it says so
 * in a warning. storyc holds such a lock for the instant of one update and nobody edits an output
 * repository by hand, so a lock that old was left by a process that died. A younger lock of a
 * writer that may be alive stays and is explained with its path and age, and so is any lock in a
 * remote repository, which storyc does not own. See {@link LockRecovery}.
 */
final class LockFiles {
    /** Far longer than any ref update takes; see the class comment. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private LockFiles() {}

    /** A lock file that exists now, and how long ago it was last written. */
    record Lock(Path path, Duration age) {
        boolean isStale() {
            return age.compareTo(STALE_AFTER) > 0;
        }

        String describe() {
            return "`" + path + "` (" + human(age) + " old)";
        }
    }

    /** Returns the lock of {@code file} (that is, {@code file.lock}) if one exists. */
    static Optional<Lock> of(Path file) {
        return at(file.resolveSibling(file.getFileName() + ".lock"));
    }

    /** Returns the lock at exactly {@code lockPath} if it exists. */
    static Optional<Lock> at(Path lockPath) {
        try {
            if (!Files.exists(lockPath)) {
                return Optional.empty();
            }
            Instant modified = Files.getLastModifiedTime(lockPath).toInstant();
            Duration age = Duration.between(modified, Instant.now());
            return Optional.of(new Lock(lockPath, age.isNegative() ? Duration.ZERO : age));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns the hint for a lock storyc will not remove. */
    static String hint(Lock lock) {
        return "another storyc or git process is updating this repository, or one was killed while"
                   + " doing so. If no such process is running, delete "
                + lock.describe().replaceFirst(" \\(.*", "")
                + " and run the command again (storyc removes locks in its own output repositories"
                + " at once when the storyc process that held them was killed, and others once they"
                + " are older than "
                + STALE_AFTER.toMinutes()
                + " minutes)";
    }

    private static String human(Duration age) {
        if (age.toMinutes() >= 120) {
            return age.toHours() + " h";
        }
        if (age.toSeconds() >= 120) {
            return age.toMinutes() + " min";
        }
        return age.toSeconds() + " s";
    }
}
