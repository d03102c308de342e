package dev.storyc.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides, for one repository and one storyc process, whether a lock file is an orphan that may be
 * removed: at once when its writer is provably dead (see {@link Writers}), or once it is older than
 * any run could take ({@link LockFiles#STALE_AFTER}) for locks whose writer left no registration,
 * such as an earlier storyc's.
 */
final class LockRecovery {
    private final Path gitDir;
    private final Writers writers;
    private final Progress progress;

    LockRecovery(Path gitDir, Writers writers, Progress progress) {
        this.gitDir = gitDir;
        this.writers = writers;
        this.progress = progress;
    }

    /**
     * Removes every lock that storyc processes killed in this repository left, when no other writer
     * is alive, and forgets their registrations. Returns true when it found killed writers, so the
     * caller repairs the working tree, which such a writer may have left half-updated.
     */
    boolean recoverKilledWriters() {
        List<Writers.Writer> others = writers.others();
        List<Writers.Writer> dead = others.stream().filter(Writers.Writer::isDead).toList();
        if (dead.isEmpty() || dead.size() != others.size()) {
            return false;
        }
        String killed =
                dead.get(0).describe()
                        + (dead.size() > 1 ? " and " + (dead.size() - 1) + " more" : "");
        for (Path lock : lockFiles()) {
            LockFiles.at(lock)
                    .filter(this::olderThanThisRun)
                    .ifPresent(
                            found ->
                                    remove(
                                            found,
                                            "it was left by " + killed + ", which was killed"));
        }
        dead.forEach(Writers::forget);
        return true;
    }

    /**
     * Removes {@code lock} and returns true when it is an orphan; returns false when its writer may
     * still be at work, leaving it for the caller to wait on or explain.
     */
    boolean releaseIfOrphaned(LockFiles.Lock lock) {
        List<Writers.Writer> others = writers.others();
        if (!others.isEmpty()
                && others.stream().allMatch(Writers.Writer::isDead)
                && olderThanThisRun(lock)) {
            boolean removed =
                    remove(
                            lock,
                            "it was left by " + others.get(0).describe() + ", which was killed");
            others.forEach(Writers::forget);
            return removed;
        }
        if (lock.isStale()) {
            return remove(lock, "a storyc or git process was killed while holding it");
        }
        return false;
    }

    /**
     * Returns true when another storyc process is registered as writing this repository right now.
     */
    boolean anotherWriterAlive() {
        return writers.othersAlive();
    }

    /** Returns true when {@code lock} was written before this process registered. */
    private boolean olderThanThisRun(LockFiles.Lock lock) {
        return Instant.now().minus(lock.age()).isBefore(writers.registeredAt());
    }

    private boolean remove(LockFiles.Lock lock, String why) {
        try {
            Files.deleteIfExists(lock.path());
        } catch (IOException e) {
            return false;
        }
        progress.warn(
                "removed the stale lock "
                        + lock.describe()
                        + ": "
                        + why
                        + "; the file it guarded was never half-written");
        return true;
    }

    /**
     * Returns the lock files git and JGit take in a repository: refs, HEAD, packed-refs, index,
     * config, and FETCH_HEAD, which a fetch from the remote writes. JGit skips writing FETCH_HEAD
     * while its lock is there, so a killed fetch's lock would only surface later, as a {@code git
     * fetch} of the user's that fails.
     */
    private List<Path> lockFiles() {
        List<Path> locks = new ArrayList<>();
        for (String name : List.of("HEAD.lock", "packed-refs.lock", "index.lock", "config.lock",
                "FETCH_HEAD.lock")) {
            if (Files.exists(gitDir.resolve(name))) {
                locks.add(gitDir.resolve(name));
            }
        }
        Path refs = gitDir.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> walk = Files.walk(refs)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".lock")).forEach(locks::add);
            } catch (IOException e) {
                // Unreadable refs surface when the branch is read.
            }
        }
        return locks;
    }

    Optional<LockFiles.Lock> lockOf(Path file) {
        return LockFiles.of(file);
    }
}
