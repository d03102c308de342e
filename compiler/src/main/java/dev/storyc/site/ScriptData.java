package dev.storyc.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;

/**
 * Writes page data as a script that assigns one global, such as {@code window.STORYC_BOARD =
 * {...};}. A script loaded with {@code <script src>} works from {@code file://}, where {@code
 * fetch} of a JSON file is refused, so data files are scripts rather than JSON documents.
 */
final class ScriptData {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ScriptData() {}

    /**
     * Returns the script assigning {@code value} (maps, lists, strings, numbers) to {@code global}.
     */
    static byte[] assign(String global, Object value) {
        try {
            return ("window." + global + " = " + JSON.writeValueAsString(value) + ";\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("page data is maps, lists and strings only", e);
        }
    }
}
