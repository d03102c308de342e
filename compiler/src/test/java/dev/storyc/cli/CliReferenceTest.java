package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Golden;
import org.junit.jupiter.api.Test;

/** docs/cli.md is generated from the command model; this fails when someone forgot to regenerate it. */
class CliReferenceTest {
    @Test
    void docsCliMdIsTheReferenceTheCommandModelGenerates() {
        String reference = CliReference.markdown();
        assertThat(reference).contains("\n## `storyc release seal`\n\n```\nstoryc release seal [-hV] [--force] NAME\n```")
                .contains("| `--force` | Re-pin a release that a protected environment runs.")
                .contains("| `-p, --project DIR` |")
                .contains("releases/&lt;name&gt;.toml");
        Golden.assertMatches(Checkout.root().resolve("docs/cli.md"), reference);
    }
}
