package dev.storyc.emit;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Output paths as the file systems of macOS and Windows compare them: without regard to letter
 * case, and (on macOS) to Unicode normalization. Git on Linux keeps {@code Zz.view.lkml} and
 * {@code zz.view.lkml} apart, but a Looker developer's checkout on a Mac would hold one of them.
 */
final class PortablePaths {
    private PortablePaths() {}

    /** Returns the path folded to lower case, and normalized to NFC when it is not all ASCII. */
    static String folded(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) >= 0x80) {
                return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            }
        }
        return path.toLowerCase(Locale.ROOT);
    }
}
