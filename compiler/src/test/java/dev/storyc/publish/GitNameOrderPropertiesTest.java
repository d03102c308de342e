package dev.storyc.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A story's tree is built in git's order of names, their UTF-8 bytes, which the tree builder
 * compares without encoding them; the shortcut must agree with the bytes in sign for any two names.
 */
class GitNameOrderPropertiesTest {
    @Provide
    Arbitrary<String> names() {
        // ASCII, Latin-1, the private use area just below the surrogates, U+FFFD, surrogates
        // that pair and lone ones, and the '/' that ends a folder's key.
        return Arbitraries.strings()
                .withChars('a', 'b', '.', '/', '_', '\u00e9', '\u0800', '\ue000', '\ufffd', '\uffff',
                        '\ud83d', '\ude00', '\udfff', '\ud800')
                .ofMaxLength(6);
    }

    @Property(tries = 3000)
    void namesCompareAsTheirUtf8Bytes(@ForAll("names") String a, @ForAll("names") String b) {
        int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

        assertThat(Integer.signum(GitContentIds.compareAsUtf8(a, b))).as("%s vs %s", codes(a), codes(b))
                .isEqualTo(Integer.signum(bytes));
    }

    private static String codes(String text) {
        return text.chars().mapToObj(Integer::toHexString).toList().toString();
    }
}
