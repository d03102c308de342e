package dev.storyc.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyc.settings.Setting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The pure halves of the cache: keys, the entry layout and the size setting. */
class CacheKeysAndSizesTest {
    @Test
    void keysDependOnKindAndOnEveryPartWithoutCollidingAcrossBoundaries() {
        assertThat(CacheKey.of("k", "ab", "c")).isEqualTo(CacheKey.of("k", "ab", "c"));
        assertThat(CacheKey.of("k", "ab", "c")).isNotEqualTo(CacheKey.of("k", "a", "bc"));
        assertThat(CacheKey.of("k", "a")).isNotEqualTo(CacheKey.of("j", "a"));
        assertThat(CacheKey.of("k")).isNotEqualTo(CacheKey.of("k", ""));
        assertThat(CacheKey.of("k", "a").hex()).matches("[0-9a-f]{64}");
        assertThat(CacheKey.of("k", "a").relativePath()).matches("[0-9a-f]{2}/[0-9a-f]{62}");
        assertThatThrownBy(() -> new CacheKey("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryOpensToItsPayloadOnlyWhenWholeAndUnderItsOwnKey() {
        CacheKey key = CacheKey.of("test", "a");
        byte[] sealed = CacheEntry.seal(key, "payload\nwith lines".getBytes(StandardCharsets.UTF_8));
        assertThat(CacheEntry.open(CacheKey.of("test", "b"), sealed)).as("another key's file name").isEmpty();
        assertThat(CacheEntry.open(key, sealed))
                .hasValueSatisfying(
                        p ->
                                assertThat(new String(p, StandardCharsets.UTF_8))
                                        .isEqualTo("payload\nwith lines"));
        assertThat(CacheEntry.open(key, CacheEntry.seal(key, new byte[0])))
                .hasValueSatisfying(p -> assertThat(p).isEmpty());
        for (int cut = 0; cut < sealed.length; cut += 7) {
            assertThat(CacheEntry.open(key, java.util.Arrays.copyOf(sealed, cut)))
                    .as("cut at " + cut)
                    .isEmpty();
        }
        for (int at = 0; at < sealed.length; at++) {
            byte[] flipped = sealed.clone();
            flipped[at] ^= 1;
            assertThat(CacheEntry.open(key, flipped)).as("bit flipped at " + at).isEmpty();
        }
        byte[] longer = java.util.Arrays.copyOf(sealed, sealed.length + 1);
        assertThat(CacheEntry.open(key, longer)).as("a byte appended").isEmpty();
    }

    @ParameterizedTest(name = "[{index}] `{0}`")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "1024         | 1024",
                "0            | 0",
                "512MB        | 536870912",
                "2gb          | 2147483648",
                "' 64 KB '    | 65536",
                "10b          | 10",
                "8589934591GB | 9223372035781033984",
                "999999999999GB | 9223372036854775807",
                "999999999999 | 999999999999",
                "lots         | none",
                "-5MB         | none",
                "5TB          | none",
                "1.5GB        | none",
                "''           | none"
            })
    void sizesReadAsTheSettingDocumentsThem(String text, Long bytes) {
        assertThat(CacheSize.parse(text)).isEqualTo(Optional.ofNullable(bytes));
        assertThat(text.matches(CacheSize.PATTERN)).isEqualTo(bytes != null);
        assertThat(Setting.CACHE_MAX_SIZE.accepts(text))
                .as("the setting's own validation")
                .isEqualTo(bytes != null);
    }
}
