package dev.storyc.cli;

import dev.storyc.diag.JsonRenderer;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option of the commands that list things: text for people, or one JSON
 * document on stdout for scripts, whose schema is versioned (docs/site.md). Problems still go to
 * stderr as text, so stdout holds only the document.
 */
final class ListingFormatOption {
    /** How a listing is printed. */
    enum ListingFormat {
        text,
        json
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "${COMPLETION-CANDIDATES}: a table, or a versioned JSON document on stdout"
                            + " (docs/site.md). Default: ${DEFAULT-VALUE}.")
    ListingFormat format = ListingFormat.text;

    boolean json() {
        return format == ListingFormat.json;
    }

    /**
     * Returns the command's console. With json it owes a document: a command that fails before its
     * listing still prints one, with the failures and diagnostics, so a script's parser reads it.
     */
    Console console(StorycCommand root) {
        Console console = root.console();
        if (json()) {
            console.owe(JsonRenderer::render);
        }
        return console;
    }
}
