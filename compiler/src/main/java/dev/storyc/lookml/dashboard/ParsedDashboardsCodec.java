package dev.storyc.lookml.dashboard;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Related;
import dev.storyc.diag.Severity;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.DashboardElement.Binding;
import dev.storyc.lookml.model.DashboardFilter;
import dev.storyc.lookml.model.Located;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ParsedDashboards} as bytes and back, so that a dashboard file whose text did not change
 * since an earlier run is decoded rather than parsed again: SnakeYAML on a cold JVM is the largest
 * single cost of checking after a one-story edit (the 1,000 dashboards of the synthetic workspace,
 * 1.2 MB, take about 400 ms to parse).
 *
 * <p>Written by hand rather than with Java serialization, which would read classes named by the
 * bytes themselves, or with Jackson, whose record support would add its own start-up to a path
 * that exists to save start-up. Every value of the model is a record of strings, ints, enums,
 * optionals and lists, so the layout is a walk of the records in component order, on a byte array
 * (this library does no {@code java.io}). Each distinct string (a file path above all, named by
 * every position) is written once, then by its index: as bytes when it is ASCII, else as UTF-16
 * units, since UTF-8 would turn a lone surrogate, which a YAML escape can make, into '?'. The
 * layout is not versioned beyond its magic number: the cache keys every entry by the compiler's
 * build, so bytes of another layout are never read. {@link #decode} returns empty for anything
 * that does not decode to its end, and the caller parses instead.
 */
public final class ParsedDashboardsCodec {
    private static final int MAGIC = 0x53504431; // "SPD1"
    private static final int ASCII = -1;
    private static final int UTF16 = -2;

    private ParsedDashboardsCodec() {}

    /** Returns {@code parsed} as bytes that {@link #decode} turns back into an equal value. */
    public static byte[] encode(ParsedDashboards parsed) {
        Writer writer = new Writer();
        writer.integer(MAGIC);
        writer.string(parsed.path());
        writer.list(parsed.dashboards(), writer::dashboard);
        writer.list(parsed.diagnostics(), writer::diagnostic);
        return writer.bytes();
    }

    /** Returns the value {@code bytes} encode, or empty when they are not one {@link #encode} wrote. */
    public static Optional<ParsedDashboards> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                return Optional.empty();
            }
            Reader reader = new Reader(in);
            ParsedDashboards parsed = new ParsedDashboards(reader.string(),
                    reader.list(reader::dashboard), reader.list(reader::diagnostic));
            return in.hasRemaining() ? Optional.empty() : Optional.of(parsed);
        } catch (RuntimeException e) {
            // A short buffer, an index out of range, an unknown enum name: not an encoding.
            return Optional.empty();
        }
    }

    /** One element's writer, for {@link Writer#list} and {@link Writer#optional}. */
    @FunctionalInterface
    private interface Write<T> {
        void write(T value);
    }

    /** One element's reader, for {@link Reader#list} and {@link Reader#optional}. */
    @FunctionalInterface
    private interface Read<T> {
        T read();
    }

    private static final class Writer {
        private final Map<String, Integer> strings = new HashMap<>();
        private byte[] buffer = new byte[1024];
        private int length;

        void dashboard(Dashboard dashboard) {
            string(dashboard.name());
            position(dashboard.position());
            optional(dashboard.title(), this::string);
            list(dashboard.elements(), this::element);
            list(dashboard.filters(), this::filter);
        }

        void element(DashboardElement element) {
            optional(element.name(), this::string);
            position(element.position());
            optional(element.title(), this::string);
            optional(element.type(), this::string);
            optional(element.model(), this::located);
            optional(element.explore(), this::located);
            list(element.fields(), this::located);
            list(element.filters(), this::binding);
            list(element.sorts(), this::located);
            list(element.listen(), this::binding);
            list(element.pivots(), this::located);
        }

        void filter(DashboardFilter filter) {
            string(filter.name());
            position(filter.position());
            optional(filter.title(), this::string);
            optional(filter.type(), this::string);
            optional(filter.model(), this::located);
            optional(filter.explore(), this::located);
            optional(filter.field(), this::located);
            list(filter.listensToFilters(), this::located);
            optional(filter.defaultValue(), this::located);
        }

        void binding(Binding binding) {
            located(binding.key());
            located(binding.value());
        }

        void diagnostic(Diagnostic diagnostic) {
            string(diagnostic.severity().name());
            string(diagnostic.code().name());
            position(diagnostic.position());
            string(diagnostic.message());
            optional(diagnostic.hint(), this::string);
            list(diagnostic.related(), this::related);
        }

        void related(Related related) {
            position(related.position());
            string(related.message());
        }

        void located(Located located) {
            string(located.value());
            position(located.position());
        }

        void position(Position position) {
            string(position.file());
            integer(position.line());
            integer(position.column());
        }

        <T> void optional(Optional<T> value, Write<T> write) {
            flag(value.isPresent());
            if (value.isPresent()) {
                write.write(value.get());
            }
        }

        <T> void list(List<T> values, Write<T> write) {
            integer(values.size());
            for (T value : values) {
                write.write(value);
            }
        }

        /** Writes a string's index, and the string itself the first time it appears. */
        void string(String value) {
            Integer known = strings.get(value);
            if (known != null) {
                integer(known);
                return;
            }
            strings.put(value, strings.size());
            boolean ascii = value.chars().allMatch(c -> c < 0x80);
            integer(ascii ? ASCII : UTF16);
            integer(value.length());
            room(value.length() * (ascii ? 1 : 2));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (!ascii) {
                    buffer[length++] = (byte) (c >>> 8);
                }
                buffer[length++] = (byte) c;
            }
        }

        void integer(int value) {
            room(4);
            buffer[length++] = (byte) (value >>> 24);
            buffer[length++] = (byte) (value >>> 16);
            buffer[length++] = (byte) (value >>> 8);
            buffer[length++] = (byte) value;
        }

        void flag(boolean value) {
            room(1);
            buffer[length++] = (byte) (value ? 1 : 0);
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }

        private void room(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final List<String> strings = new ArrayList<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        Dashboard dashboard() {
            return new Dashboard(string(), position(), optional(this::string),
                    list(this::element), list(this::filter));
        }

        DashboardElement element() {
            return new DashboardElement(optional(this::string), position(), optional(this::string),
                    optional(this::string), optional(this::located), optional(this::located),
                    list(this::located), list(this::binding), list(this::located),
                    list(this::binding), list(this::located));
        }

        DashboardFilter filter() {
            return new DashboardFilter(string(), position(), optional(this::string),
                    optional(this::string), optional(this::located), optional(this::located),
                    optional(this::located), list(this::located), optional(this::located));
        }

        Binding binding() {
            return new Binding(located(), located());
        }

        Diagnostic diagnostic() {
            return new Diagnostic(Severity.valueOf(string()), Code.valueOf(string()), position(),
                    string(), optional(this::string), list(this::related));
        }

        Related related() {
            return new Related(position(), string());
        }

        Located located() {
            return new Located(string(), position());
        }

        Position position() {
            return new Position(string(), in.getInt(), in.getInt());
        }

        <T> Optional<T> optional(Read<T> read) {
            byte flag = in.get();
            if (flag != 0 && flag != 1) {
                throw new IllegalArgumentException("bad flag " + flag);
            }
            return flag == 1 ? Optional.of(read.read()) : Optional.empty();
        }

        <T> List<T> list(Read<T> read) {
            int size = in.getInt();
            if (size < 0 || size > in.remaining()) {
                throw new IllegalArgumentException("bad list length " + size);
            }
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(read.read());
            }
            return values;
        }

        private static char ascii(byte value) {
            if (value < 0) {
                throw new IllegalArgumentException("not ASCII: " + value);
            }
            return (char) value;
        }

        String string() {
            int index = in.getInt();
            if (index >= 0) {
                return strings.get(index);
            }
            int size = in.getInt();
            int width = index == ASCII ? 1 : index == UTF16 ? 2 : 0;
            if (width == 0 || size < 0 || size > in.remaining() / width) {
                throw new IllegalArgumentException("bad string " + index + " of " + size);
            }
            char[] chars = new char[size];
            for (int i = 0; i < size; i++) {
                chars[i] = width == 2 ? in.getChar() : ascii(in.get());
            }
            String value = new String(chars);
            strings.add(value);
            return value;
        }
    }
}
