package dev.storyc.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes the JSON documents storyc prints ({@code --format json}) with Jackson: one value a line,
 * indented by two spaces, {@code "key": value}, keys in the order the document builds them, and a
 * final newline.
 */
final class JsonDocuments {
    /**
     * Two spaces a level and {@code \n} on every system, so documents are the same bytes
     * everywhere.
     */
    private static final DefaultIndenter LINES = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter PRETTY =
            new ObjectMapper()
                    .writer(
                            new DefaultPrettyPrinter()
                                    .withObjectIndenter(LINES)
                                    .withArrayIndenter(LINES)
                                    .withSeparators(
                                            Separators.createDefaultInstance()
                                                    .withObjectFieldValueSpacing(
                                                            Separators.Spacing.AFTER)));

    private JsonDocuments() {}

    /** Returns {@code document} (maps, lists, strings, numbers, booleans, nulls) as JSON text. */
    static String write(Object document) {
        try {
            return PRETTY.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("documents are maps, lists and scalars only", e);
        }
    }
}
