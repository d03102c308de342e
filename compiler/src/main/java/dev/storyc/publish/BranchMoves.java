package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Moves refs of an output repository by compare-and-swap. A lock held by a process that may be
 * alive is waited on briefly (storyc holds one for the instant of an update), an orphaned one is
 * removed ({@link LockRecovery}), and anything else is explained.
 */
final class BranchMoves {
    /** How long a ref lock of a live writer is waited on before storyc explains it and stops. */
    static final Duration LIVE_LOCK_WAIT = Duration.ofSeconds(10);

    private final Repository repository;
    private final Path directory;
    private final LockRecovery locks;

    BranchMoves(Repository repository, Path directory, LockRecovery locks) {
        this.repository = repository;
        this.directory = directory;
        this.locks = locks;
    }

    /**
     * Moves {@code ref} from {@code expected} (null: the ref must not exist) to {@code next},
     * failing if anyone else moved it meanwhile. {@code rebuild} allows a move that is not a
     * fast-forward, for local commits that were never pushed and are rebuilt on a new remote head.
     */
    void update(String ref, ObjectId expected, ObjectId next, String reason, boolean rebuild)
            throws IOException, PublishException {
        long deadline = System.nanoTime() + LIVE_LOCK_WAIT.toNanos();
        for (int attempt = 0; ; attempt++) {
            RefUpdate update = repository.updateRef(ref);
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
            update.setNewObjectId(next);
            update.setForceUpdate(rebuild);
            update.setRefLogMessage(reason, false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {
                    return;
                }
                case LOCK_FAILURE -> {
                    Optional<LockFiles.Lock> lock = lockOf(ref);
                    if (lock.isEmpty()) {
                        // JGit reports a ref that moved under the compare-and-swap as a lock
                        // failure too.
                        throw moved(ref, result);
                    }
                    if (locks.releaseIfOrphaned(lock.get())) {
                        continue;
                    }
                    if (locks.anotherWriterAlive() && System.nanoTime() < deadline) {
                        pause(attempt);
                        continue;
                    }
                    throw locked(ref, lock.get());
                }
                default -> throw moved(ref, result);
            }
        }
    }

    /** Explains a lock that stayed: the same words whether it was met before or during a move. */
    private PublishException locked(String ref, LockFiles.Lock lock) {
        return new PublishException(
                "`" + ref + "` in `" + directory + "` is locked by " + lock.describe()
                        + "; nothing was changed",
                LockFiles.hint(lock));
    }

    private PublishException moved(String ref, RefUpdate.Result result) {
        return new PublishException(
                "`"
                        + Repository.shortenRefName(ref)
                        + "` in `"
                        + directory
                        + "` moved while storyc was writing it ("
                        + result
                        + "); nothing was changed",
                "another storyc run wrote this repository at the same time; run the command again");
    }

    /**
     * Returns once {@code ref} is not locked, removing an orphaned lock and waiting briefly for a
     * live writer's; throws, before anything is written, when a lock stays. Called before a publish
     * writes any object, so a locked branch leaves the repository exactly as it was.
     */
    void awaitUnlocked(String ref) throws PublishException {
        long deadline = System.nanoTime() + LIVE_LOCK_WAIT.toNanos();
        for (int attempt = 0; ; attempt++) {
            Optional<LockFiles.Lock> lock = lockOf(ref);
            if (lock.isEmpty() || locks.releaseIfOrphaned(lock.get())) {
                return;
            }
            if (!locks.anotherWriterAlive() || System.nanoTime() >= deadline) {
                throw locked(ref, lock.get());
            }
            pause(attempt);
        }
    }

    private Optional<LockFiles.Lock> lockOf(String ref) {
        Path gitDir = repository.getDirectory().toPath();
        return LockFiles.of(gitDir.resolve(ref))
                .or(() -> LockFiles.of(gitDir.resolve(Constants.PACKED_REFS)));
    }

    private static void pause(int attempt) throws PublishException {
        try {
            Thread.sleep(Math.min(500, 10L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(
                    "interrupted while waiting for a lock", "run the command again", e);
        }
    }
}
