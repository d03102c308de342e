package dev.storyc.release;

/**
 * Thrown when {@link ManifestEditor} cannot make an edit in the manifest's own layout: the text it
 * would write does not parse, or does not hold exactly the stories and pins the edit asks for
 * (a comma that opens a line, pins written inline). The editor never returns such a text, so
 * nothing is written; the user edits the file by hand, or lays it out as storyc writes it.
 */
public final class ManifestLayoutException extends RuntimeException {
    public ManifestLayoutException(String message) {
        super(message);
    }
}
