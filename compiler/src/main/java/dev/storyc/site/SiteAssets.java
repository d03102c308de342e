package dev.storyc.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The site's static files, bundled in the stdlib jar under {@code storyc/site/}: the style sheet,
 * the page scripts, and the pinned graph layout library with its licence. They are copied as they
 * are, so the site needs no build step and no network.
 */
final class SiteAssets {
    /**
     * The pinned layout library: @dagrejs/dagre, fetched with {@code npm pack}; see docs/site.md.
     */
    static final String DAGRE = "assets/dagre-3.1.3.min.js";

    /** Every asset, by its path in the site, which is also its path under {@code storyc/site/}. */
    static final List<String> ALL =
            List.of(
                    "assets/site.css",
                    "assets/site.js",
                    "assets/board.js",
                    "assets/lineage.js",
                    DAGRE,
                    "assets/LICENSE-dagre.txt");

    private SiteAssets() {}

    /** Returns a bundled file; a missing one is a broken build, not a user's mistake. */
    static byte[] read(String path) {
        try (InputStream in = SiteAssets.class.getResourceAsStream("/storyc/site/" + path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "storyc/site/" + path + " is missing from the stdlib jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
