package dev.storyc.check;

import java.util.Optional;

/**
 * Remembers parses across runs, as bytes under a digest of everything a parse reads (its kind,
 * path and text): a file that did not change since an earlier run is decoded, not parsed again.
 * check stays pure; the edge decides where the bytes are kept ({@code cache}) and vouches that
 * they are the bytes it was given (a damaged entry is never recalled). A payload that does not
 * decode is parsed again, so the memo can lose or garble entries without changing a diagnostic.
 */
public interface ParseMemo {
    /** Remembers nothing: every file is parsed. */
    ParseMemo NONE = new ParseMemo() {
        @Override
        public Optional<byte[]> recall(String key) {
            return Optional.empty();
        }

        @Override
        public void remember(String key, byte[] payload) {}
    };

    /** Returns the payload remembered under {@code key}, if any. */
    Optional<byte[]> recall(String key);

    /** Remembers {@code payload} under {@code key}, which covers everything the payload depends on. */
    void remember(String key, byte[] payload);
}
