package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per bad environments.toml under {@code src/test/resources/config/bad/}. Each file's first
 * line says what must be reported: {@code # expect: CODE file:line:col message}; a second line
 * {@code # hint: ...} pins the hint too, such as a "did you mean". Every row is evaluated in a
 * workspace of its own, through the loader and the config stage, as the CLI does. Every diagnostic
 * must be positioned and free of the canary secret. {@code STORYC_UPDATE_GOLDEN=1} fills in rows
 * whose expectation is {@code ?} with the first diagnostic, for review in the diff.
 */
class BadEnvironmentsTest {
    static final Path BAD = ConfigFixtures.CONFIG.resolve("bad");
    static final String EXPECT = "# expect: ";
    static final String HINT = "# hint: ";

    static Stream<String> files() throws IOException {
        try (Stream<Path> list = Files.list(BAD)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void reportsTheExpectedDiagnosticFirst(String name, @TempDir Path temp) throws IOException {
        byte[] bytes = Files.readAllBytes(BAD.resolve(name));
        List<Diagnostic> diagnostics = ConfigFixtures.diagnostics(ConfigFixtures.workspace(temp, bytes));
        assertThat(diagnostics).as("%s reports nothing", name).isNotEmpty();
        List<String> header = header(bytes);
        if (Golden.updating() && header.get(0).equals(EXPECT + "?")) {
            rewriteExpectation(BAD.resolve(name), bytes, describe(diagnostics.get(0)));
            return;
        }
        String expected = header.get(0).substring(EXPECT.length());
        Diagnostic match = diagnostics.stream().filter(d -> describe(d).equals(expected)).findFirst().orElse(null);
        assertThat(match).as("%s reports `%s`; it reported:%n%s", name, expected,
                String.join("\n", diagnostics.stream().map(BadEnvironmentsTest::describe).toList())).isNotNull();
        if (header.size() > 1 && header.get(1).startsWith(HINT)) {
            assertThat(match.hint()).as("%s's hint", name).contains(header.get(1).substring(HINT.length()));
        }
        assertThat(diagnostics).allSatisfy(d -> {
            assertThat(d.position().hasLine()).as("%s is positioned", d).isTrue();
            assertThat(d.toString()).doesNotContain(ConfigFixtures.CANARY);
        });
    }

    @Test
    void theTableHasAtLeastFortyRows() throws IOException {
        assertThat(files().count()).isGreaterThanOrEqualTo(40);
    }

    static String describe(Diagnostic d) {
        return d.code().id() + " " + d.position() + " " + d.message();
    }

    /** Returns the first two lines, decoded leniently: a row may be invalid UTF-8 further down. */
    private static List<String> header(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1);
        List<String> lines = text.lines().limit(2)
                .map(l -> new String(l.replace("\u00ef\u00bb\u00bf", "").getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8))
                .toList();
        assertThat(lines.get(0)).as("the first line is `# expect: CODE file:line:col message`").startsWith(EXPECT);
        return lines;
    }

    private static void rewriteExpectation(Path file, byte[] bytes, String actual) throws IOException {
        int newline = indexOf(bytes, (byte) '\n');
        boolean bom = bytes.length > 2 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        byte[] header = ((bom ? "\uFEFF" : "") + EXPECT + actual).getBytes(StandardCharsets.UTF_8);
        byte[] rest = Arrays.copyOfRange(bytes, newline, bytes.length);
        byte[] out = new byte[header.length + rest.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(rest, 0, out, header.length, rest.length);
        Files.write(file, out);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
