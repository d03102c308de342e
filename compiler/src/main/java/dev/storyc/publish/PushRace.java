package dev.storyc.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Tells a lost race with another run from a real refusal, and paces the retries. Kept apart so
 * that the push loop reads as fetch, check, push, and the race rules can be judged on their own.
 */
final class PushRace {
    private PushRace() {}

    static boolean isRace(RemoteRefUpdate.Status status, String message) {
        return switch (status) {
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> true;
            case REJECTED_OTHER_REASON -> message != null
                    && (message.toLowerCase(Locale.ROOT).contains("lock")
                            || message.toLowerCase(Locale.ROOT).contains("stale")
                            || message.toLowerCase(Locale.ROOT).contains("fetch first"));
            default -> false;
        };
    }

    /** Waits a growing, jittered pause, so that racing runs do not collide again in step. */
    static void pause(int attempt) {
        long base = Math.min(2_000L, 50L << attempt);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns the lock on the remote branch when the remote is a folder storyc can look into. It
     * is only ever explained, never removed: storyc does not own the remote.
     */
    static Optional<LockFiles.Lock> remoteLock(RemoteUrl url, OutputRepository local) {
        if (!url.raw().startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(new URI(url.raw()));
            Path gitDir =
                    Files.isDirectory(folder.resolve(".git")) ? folder.resolve(".git") : folder;
            return LockFiles.of(gitDir.resolve(RemoteRefs.branch(local)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
