package dev.storyc.diag;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A byte layout for values made of strings, ints, flags, optionals, lists, positions and
 * diagnostics: what the cache's codecs of parsed files share, each walking its own records in
 * component order with a {@link Writer} and reading them back with a {@link Reader}.
 *
 * <p>Written by hand rather than with Java serialization, which would load classes the bytes name,
 * or with Jackson, whose start-up would eat what a cache on a cold JVM saves. It works on a byte
 * array, not on {@code java.io}, which the pure stages never touch. Each distinct string (a file
 * path above all, named by every position) is written once, then by its index: as bytes when it is
 * ASCII, else as UTF-16 units, since UTF-8 would turn a lone surrogate (a TOML or YAML escape can
 * make one) into '?'. A {@link Reader} fails with an unchecked exception on bytes another layout
 * wrote; a codec's decode catches it and answers that it has nothing.
 */
public final class ValueBytes {
    private static final int ASCII = -1;
    private static final int UTF16 = -2;

    private ValueBytes() {}

    /** Writes one element, for {@link Writer#list} and {@link Writer#optional}. */
    @FunctionalInterface
    public interface Write<T> {
        void write(T value);
    }

    /** Reads one element, for {@link Reader#list} and {@link Reader#optional}. */
    @FunctionalInterface
    public interface Read<T> {
        T read();
    }

    /** Lays values out in a growing byte array. */
    public static final class Writer {
        private final Map<String, Integer> strings = new HashMap<>();
        private byte[] buffer = new byte[1024];
        private int length;

        /** Writes a diagnostic: severity, code, position, message, hint and related notes. */
        public void diagnostic(Diagnostic diagnostic) {
            string(diagnostic.severity().name());
            string(diagnostic.code().name());
            position(diagnostic.position());
            string(diagnostic.message());
            optional(diagnostic.hint(), this::string);
            list(diagnostic.related(), related -> {
                position(related.position());
                string(related.message());
            });
        }

        public void position(Position position) {
            string(position.file());
            integer(position.line());
            integer(position.column());
        }

        public <T> void optional(Optional<T> value, Write<T> write) {
            flag(value.isPresent());
            if (value.isPresent()) {
                write.write(value.get());
            }
        }

        public <T> void list(List<T> values, Write<T> write) {
            integer(values.size());
            for (T value : values) {
                write.write(value);
            }
        }

        /** Writes a string's index, and the string itself the first time it appears. */
        public void string(String value) {
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

        public void integer(int value) {
            room(4);
            buffer[length++] = (byte) (value >>> 24);
            buffer[length++] = (byte) (value >>> 16);
            buffer[length++] = (byte) (value >>> 8);
            buffer[length++] = (byte) value;
        }

        public void flag(boolean value) {
            room(1);
            buffer[length++] = (byte) (value ? 1 : 0);
        }

        /** Returns what was written. */
        public byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }

        private void room(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    /** Reads values back as a {@link Writer} laid them out. */
    public static final class Reader {
        private final ByteBuffer in;
        private final List<String> strings = new ArrayList<>();

        public Reader(byte[] bytes) {
            this.in = ByteBuffer.wrap(bytes);
        }

        public Diagnostic diagnostic() {
            return new Diagnostic(Severity.valueOf(string()), Code.valueOf(string()), position(),
                    string(), optional(this::string),
                    list(() -> new Related(position(), string())));
        }

        public Position position() {
            return new Position(string(), in.getInt(), in.getInt());
        }

        public <T> Optional<T> optional(Read<T> read) {
            return flag() ? Optional.of(read.read()) : Optional.empty();
        }

        public <T> List<T> list(Read<T> read) {
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

        public String string() {
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

        public int integer() {
            return in.getInt();
        }

        public boolean flag() {
            byte flag = in.get();
            if (flag != 0 && flag != 1) {
                throw new IllegalArgumentException("bad flag " + flag);
            }
            return flag == 1;
        }

        /** Returns whether every byte has been read: a decode that stops short read another layout. */
        public boolean atEnd() {
            return !in.hasRemaining();
        }

        private static char ascii(byte value) {
            if (value < 0) {
                throw new IllegalArgumentException("not ASCII: " + value);
            }
            return (char) value;
        }
    }
}
