package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The git blob id of each output text, remembered for as long as the text is alive: environments
 * mostly compile to the same files, which {@code compile.SharedTexts} makes one instance, so the
 * twelve environments of a compile hash each distinct text once instead of twelve times (8,074
 * hashes instead of 94,484 in the 1,000-story synthetic workspace). A text's id never changes, so
 * one process-wide memo is safe; its keys are weak, so it holds nothing the compile let go of.
 */
final class BlobIds {
    private static final Map<String, ObjectId> KNOWN =
            Collections.synchronizedMap(new WeakHashMap<>());

    private BlobIds() {}

    /** Returns the blob id of {@code text}'s UTF-8 bytes, hashing it only the first time. */
    static ObjectId of(String text, ObjectInserter.Formatter hasher) {
        ObjectId known = KNOWN.get(text);
        if (known != null) {
            return known;
        }
        ObjectId id = hasher.idFor(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
        KNOWN.put(text, id);
        return id;
    }

    /** Remembers that {@code text} has blob id {@code id}, as an inserter computed it. */
    static void remember(String text, ObjectId id) {
        KNOWN.put(text, id);
    }
}
