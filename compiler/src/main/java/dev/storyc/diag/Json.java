package dev.storyc.diag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes every JSON document storyc prints, through Jackson's generator. Each document has its own
 * layout, kept byte for byte from before Jackson wrote them, because scripts, golden files and
 * other tools compare them: a {@link Layout} says which objects and arrays spread over indented
 * lines and which stay on one line, and {@link Escaping} which characters become {@code \}{@code
 * uxxxx} (always with lower-case hex digits).
 *
 * <p>Values are plain Java: maps (written in their iteration order), lists, strings, numbers,
 * booleans and null; anything else is written as its {@code toString()}.
 */
public final class Json {
    private Json() {}

    /** Decides, for each object or array, whether it spreads over lines. */
    @FunctionalInterface
    public interface Layout {
        /**
         * @param path the field names and {@code []} (an array element) from the root down to
         *     the container
         * @param array whether the container is an array
         */
        boolean expanded(List<String> path, boolean array);

        /** Every object and array over indented lines, as Python's {@code json.dumps(indent=2)}. */
        Layout ALL = (path, array) -> true;
    }

    /** Which characters are escaped besides quotes, backslashes and control characters. */
    public enum Escaping {
        /** Non-ASCII stays as it is. */
        CONTROL,
        /**
         * Also everything above {@code ~}, and {@code \b} and {@code \f} in their short forms, as
         * Python's {@code json.dumps} does by default.
         */
        PYTHON
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Returns {@code value} as JSON text, without a trailing newline. */
    public static String write(Object value, Layout layout, Escaping escaping) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setCharacterEscapes(new Escapes(escaping));
            generator.setPrettyPrinter(new LayoutPrinter(layout));
            writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Returns {@code text} as a quoted JSON string. */
    public static String quote(String text) {
        return write(text, Layout.ALL, Escaping.CONTROL);
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            generator.writeString(value.toString());
        }
    }

    /** Lays containers out as the {@link Layout} says, two spaces deeper per spread container. */
    private static final class LayoutPrinter implements PrettyPrinter {
        private final Layout layout;
        private final Deque<Boolean> open = new ArrayDeque<>();
        private int depth;

        LayoutPrinter(Layout layout) {
            this.layout = layout;
        }

        private void start(JsonGenerator g, char bracket, boolean array) throws IOException {
            boolean expanded = layout.expanded(path(g.getOutputContext()), array);
            open.push(expanded);
            depth += expanded ? 1 : 0;
            g.writeRaw(bracket);
        }

        private void end(JsonGenerator g, char bracket, int entries) throws IOException {
            boolean expanded = open.pop();
            depth -= expanded ? 1 : 0;
            if (expanded && entries > 0) {
                newline(g, depth);
            }
            g.writeRaw(bracket);
        }

        private void first(JsonGenerator g) throws IOException {
            if (open.peek()) {
                newline(g, depth);
            }
        }

        private void separator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (open.peek()) {
                newline(g, depth);
            } else {
                g.writeRaw(' ');
            }
        }

        private static void newline(JsonGenerator g, int level) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(level));
        }

        private static List<String> path(JsonStreamContext context) {
            List<String> path = new ArrayList<>();
            for (JsonStreamContext parent = context.getParent(); parent != null && !parent.inRoot();
                    parent = parent.getParent()) {
                path.add(parent.inArray() ? "[]" : String.valueOf(parent.getCurrentName()));
            }
            Collections.reverse(path);
            return path;
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            start(g, '{', false);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            end(g, '}', entries);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separator(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            start(g, '[', true);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            end(g, ']', values);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separator(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            first(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            first(g);
        }
    }

    /** Escapes with lower-case hex digits, which Jackson's standard escapes do not use. */
    private static final class Escapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        private final Escaping escaping;

        Escapes(Escaping escaping) {
            this.escaping = escaping;
            for (int c = 0; c < 0x20; c++) {
                ascii[c] = CharacterEscapes.ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            switch (c) {
                case '\n':
                    return new SerializedString("\\n");
                case '\r':
                    return new SerializedString("\\r");
                case '\t':
                    return new SerializedString("\\t");
                case '\b':
                    return escaping == Escaping.PYTHON ? new SerializedString("\\b") : hex(c);
                case '\f':
                    return escaping == Escaping.PYTHON ? new SerializedString("\\f") : hex(c);
                default:
                    return c < 0x20 || (escaping == Escaping.PYTHON && c > 0x7e) ? hex(c) : null;
            }
        }

        private static SerializableString hex(int c) {
            return new SerializedString(String.format("\\u%04x", c));
        }
    }
}
