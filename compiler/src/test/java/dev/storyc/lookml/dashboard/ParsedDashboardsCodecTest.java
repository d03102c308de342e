package dev.storyc.lookml.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.Corpus;
import dev.storyc.lookml.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A decoded parse must equal the parse itself, field for field (the model is records all the way
 * down), or a run that recalls a dashboard would report other problems than one that parses it;
 * and bytes that are not an encoding must decode to nothing, so that the caller parses instead.
 */
class ParsedDashboardsCodecTest {
    /** Texts whose parses hold what the layout must carry: errors, hints, odd strings. */
    private static final Map<String, String> EDGES = new LinkedHashMap<>();

    static {
        EDGES.put("tags", Fixtures.read("dashboards/tags.dashboard.lookml"));
        EDGES.put("lone surrogate and astral", """
                - dashboard: "d\\ud800x"
                  title: "\\U0001F600 caf\\u00e9"
                  elements:
                  - name: "e\\udfff"
                    explore: orders
                    fields: [orders.id, "orders.\\ud83d"]
                """);
        EDGES.put("long value", "- dashboard: d\n  title: " + "x".repeat(70_000) + "\n");
        EDGES.put("long non-ASCII value", "- dashboard: d\n  title: " + "é".repeat(30_000) + "\n");
        EDGES.put("unclosed flow", "- dashboard: d\n  elements: [\n");
        EDGES.put("not a list", "dashboard: d\n");
        EDGES.put("alias bomb", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n");
        EDGES.put("empty", "");
        EDGES.put("filters and listen", """
                - dashboard: d
                  filters:
                  - name: Date
                    type: field_filter
                    explore: orders
                    field: orders.created_date
                    listens_to_filters: [Status]
                    default_value: 7 days
                  elements:
                  - name: e
                    model: m
                    explore: orders
                    fields: [orders.id]
                    filters: {orders.status: complete}
                    sorts: [orders.id desc]
                    listen: {Date: orders.created_date}
                    pivots: [orders.status]
                """);
    }

    @Test
    void decodesEveryEdgeToAnEqualParse() {
        EDGES.forEach((name, text) -> assertRoundTrip("edge/" + name + ".dashboard.lookml", text));
        assertThat(DashboardParser.parse("p", EDGES.get("unclosed flow")).diagnostics())
                .as("the edges include errors").isNotEmpty();
        assertThat(DashboardParser.parse("p", EDGES.get("lone surrogate and astral")).dashboards())
                .as("the edges include a lone surrogate")
                .extracting(d -> d.name()).containsExactly("d\ud800x");
    }

    @Test
    void decodesEveryCorpusDashboardAndEveryMutationOfOne() {
        Path corpus = Corpus.require();
        Map<String, String> dashboards = Corpus.files(corpus, ".dashboard.lookml");
        assertThat(dashboards).hasSizeGreaterThan(50);
        Random random = new Random(17);
        int withErrors = 0;
        for (Map.Entry<String, String> file : dashboards.entrySet()) {
            assertRoundTrip(file.getKey(), file.getValue());
            for (int i = 0; i < 5; i++) {
                String mutated = mutate(file.getValue(), random);
                withErrors += DashboardParser.parse(file.getKey(), mutated).ok() ? 0 : 1;
                assertRoundTrip(file.getKey(), mutated);
            }
        }
        assertThat(withErrors).as("mutations that the parser rejects").isGreaterThan(20);
    }

    @Test
    void anythingButAnEncodingDecodesToNothing() {
        byte[] bytes = ParsedDashboardsCodec.encode(
                DashboardParser.parse("d.dashboard.lookml", EDGES.get("filters and listen")));
        for (int length = 0; length < bytes.length; length++) {
            assertThat(ParsedDashboardsCodec.decode(Arrays.copyOf(bytes, length)))
                    .as("the first %d of %d bytes", length, bytes.length).isEmpty();
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThat(ParsedDashboardsCodec.decode(longer)).as("a byte too many").isEmpty();
        byte[] magic = bytes.clone();
        magic[0] ^= 1;
        assertThat(ParsedDashboardsCodec.decode(magic)).as("another layout").isEmpty();
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbled = bytes.clone();
            garbled[4 + random.nextInt(garbled.length - 4)] = (byte) random.nextInt(256);
            // A garbled byte may still decode (a changed character); it must never throw.
            ParsedDashboardsCodec.decode(garbled);
        }
    }

    private static void assertRoundTrip(String path, String text) {
        ParsedDashboards parsed = DashboardParser.parse(path, text);
        assertThat(ParsedDashboardsCodec.decode(ParsedDashboardsCodec.encode(parsed)))
                .as(path).contains(parsed);
    }

    /** Deletes, duplicates or inserts a little at random, as an editor's slip would. */
    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return "- :";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + "\"[{&*!|>" .charAt(random.nextInt(8)) + text.substring(at);
            case 2 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 7));
            default -> text.substring(0, at) + "\n  - x: \\ud800\n" + text.substring(at);
        };
    }
}
