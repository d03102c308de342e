package dev.storyc.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** TextReader stands in for StringReader under Mustache.java's parser, so it must read alike. */
class TextReaderTest {
    @Test
    void readsMarksAndResetsAsStringReaderDoes() throws IOException {
        String text = "a<%b%>\né";
        assertThat(trace(new TextReader(text))).isEqualTo(trace(new StringReader(text)))
                .isEqualTo("a<%b%>%b%>\né|-1|-1");
    }

    @Test
    void readsIntoABufferUpToTheEnd() throws IOException {
        TextReader reader = new TextReader("abcde");
        char[] buffer = new char[8];

        assertThat(reader.read(buffer, 1, 3)).isEqualTo(3);
        assertThat(reader.read(buffer, 4, 4)).isEqualTo(2);
        assertThat(reader.read(buffer, 0, 4)).isEqualTo(-1);
        assertThat(reader.read(buffer, 0, 0)).isZero();
        assertThat(new String(buffer, 1, 5)).isEqualTo("abcde");
    }

    @Test
    void failsOnceClosedAsStringReaderDoes() throws IOException {
        TextReader reader = new TextReader("abc");
        reader.close();

        assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessage("Stream closed");
        assertThatThrownBy(reader::reset).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader.mark(1)).isInstanceOf(IOException.class);
    }

    /** Reads every character, going back once, at the first "%>", to the mark set after the "<". */
    private static String trace(Reader reader) throws IOException {
        StringBuilder seen = new StringBuilder();
        boolean wentBack = false;
        int c;
        while (true) {
            if (!wentBack && seen.toString().endsWith("<")) {
                reader.mark(1);
            }
            c = reader.read();
            if (c < 0) {
                break;
            }
            seen.append((char) c);
            if (!wentBack && seen.toString().endsWith("%>")) {
                reader.reset();
                wentBack = true;
            }
        }
        return seen + "|" + c + "|" + reader.read();
    }
}
