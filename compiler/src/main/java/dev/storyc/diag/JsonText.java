package dev.storyc.diag;

/** Writes JSON string literals, for JSON documents that are assembled around them. */
public final class JsonText {
    private JsonText() {}

    /** Returns {@code text} as a quoted JSON string, with control characters escaped. */
    public static String quote(String text) {
        return Json.quote(text);
    }
}
