package dev.storyc.lookml.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Corpus;
import dev.storyc.lookml.Fixtures;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.Located;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardParserTest {

    @Test
    void loadsTagsNullsLeadingDocumentMarkerWithPositions() {
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml", Fixtures.read("dashboards/tags.dashboard.lookml"));
        assertThat(parsed.diagnostics()).isEmpty();
        Dashboard dashboard = parsed.dashboards().get(0);
        assertThat(dashboard.name()).isEqualTo("patient_overview");
        assertThat(dashboard.position()).hasToString("d.dashboard.lookml:2:14");
        assertThat(dashboard.title()).contains("Patient Overview");
        DashboardElement visits = dashboard.elements().get(0);
        assertThat(visits.model().map(Located::value)).contains("warehouse");
        assertThat(visits.explore().map(Located::value)).contains("encounters");
        assertThat(visits.explore().orElseThrow().position()).hasToString("d.dashboard.lookml:9:14");
        assertThat(visits.fields()).extracting(Located::value)
                .containsExactly("encounters.created_date", "encounters.count");
        assertThat(visits.sortFields()).extracting(Located::value).containsExactly("encounters.created_date");
        assertThat(visits.filters()).extracting(b -> b.key().value() + "=" + b.value().value())
                .containsExactly("encounters.status=-NULL");
        assertThat(visits.listen()).extracting(b -> b.key().value() + "=" + b.value().value())
                .containsExactly("Date=encounters.created_date");
        assertThat(dashboard.elements().get(1).model()).isEmpty();
        assertThat(dashboard.filter("Date").orElseThrow().field().map(Located::value))
                .contains("encounters.created_date");
    }

    @Test
    void loadsCrlfLineEndings() {
        String text = Fixtures.read("dashboards/tags.dashboard.lookml").replace("\n", "\r\n");
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml", text);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.dashboards().get(0).elements()).hasSize(2);
    }

    @Test
    void reportsTheAliasBeyondTheLimitWhereItIs() {
        StringBuilder text = new StringBuilder("- dashboard: x\n  elements:\n  - &e {name: a, type: text}\n");
        for (int i = 0; i < 11; i++) {
            text.append("  - *e\n");
        }
        Diagnostic d = DashboardParser.parse("d.dashboard.lookml", text.toString()).diagnostics().get(0);
        assertThat(d.code().id()).isEqualTo("E0512");
        // The first alias is on line 4; the eleventh, on line 14, is one too many.
        assertThat(d.position()).hasToString("d.dashboard.lookml:14:5");
        assertThat(d.message()).contains("more than 10 times");
        assertThat(DashboardParser.parse("d.dashboard.lookml", text.substring(0, text.lastIndexOf("  - *e")))
                .diagnostics()).isEmpty();
    }

    @Test
    void reportsYamlErrorsWithPositions() {
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml", "- dashboard: x\n  title: [a\n");
        assertThat(parsed.ok()).isFalse();
        Diagnostic d = parsed.diagnostics().get(0);
        assertThat(d.code().id()).isEqualTo("E0512");
        assertThat(d.position().line()).isEqualTo(3);
    }

    @Test
    void reportsTheWrongShape() {
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml", "- title: no name\n");
        assertThat(parsed.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " " + d.message())
                .containsExactly("E0513 d.dashboard.lookml:1:3 A dashboard must be a mapping with a `dashboard` key.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            elements: 5                        | 3:13 | `elements` must be a list, not a single value.
            filters: {a: b}                    | 3:12 | `filters` must be a list, not a mapping.
            elements: [{name: e, fields: {a: b}}] | 3:32 | `fields` must be a list, not a mapping.
            elements: [{name: e, fields: [[a]]}]  | 3:33 | An item of `fields` must be a single value, not a list.
            elements: [{name: e, sorts: {a: b}}]  | 3:31 | `sorts` must be a list, not a mapping.
            elements: [{name: e, listen: [a, b]}] | 3:33 | `listen` must be a mapping of names to values, not a single value.
            elements: [{name: e, listen: x}]      | 3:32 | `listen` must be a mapping of names to values, not a single value.
            elements: [{name: e, listen: {D: [x]}}] | 3:36 | `listen`'s `D` must be a single value, not a list.
            elements: [{name: e, filters: [a]}]   | 3:34 | `filters` must be a mapping of names to values, not a single value.
            elements: [{name: e, explore: [o]}]   | 3:33 | `explore` must be a single value, not a list.
            elements: [{name: e, model: {m: 1}}]  | 3:31 | `model` must be a single value, not a mapping.
            title: [a]                         | 2:10 | `title` must be a single value, not a list.
            """)
    void reportsAKnownKeyWhoseValueHasTheWrongKind(String line, String at, String message) {
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml", "- dashboard: d\n  title: D\n  "
                .replace("  title: D\n  ", line.startsWith("title") ? "  " : "  title: D\n  ") + line + "\n");
        assertThat(parsed.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " " + d.message())
                .containsExactly("E0513 d.dashboard.lookml:" + at + " " + message);
    }

    @Test
    void aCharacterYamlCannotHoldIsNamedAtItsLineAndColumn() {
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml",
                "- dashboard: d\n  title: \u00e9t\u00e9\n  description: a\u0001b\n");
        assertThat(parsed.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " " + d.message())
                .containsExactly("E0512 d.dashboard.lookml:3:17 Dashboard YAML cannot hold the character U+0001.");
    }

    @Test
    void aYamlMergeKeyIsRefusedWhereItStandsSinceWhatItMergesWouldGoUnchecked() {
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml", """
                - dashboard: d
                  title: D
                  elements:
                  - name: b
                    <<: {model: m, explore: e}
                    fields: [e.no_such_field]
                  - name: c
                    "<<": quoted keys are ordinary keys
                """);
        assertThat(parsed.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " " + d.message())
                .containsExactly("E0513 d.dashboard.lookml:5:5 A YAML merge key (`<<`) is not read: the keys it"
                        + " would merge in would not be checked.");
    }

    @Test
    void aMergedResultsElementListensOncePerQuery() {
        ParsedDashboards parsed = DashboardParser.parse("d.dashboard.lookml", """
                - dashboard: d
                  elements:
                  - name: merged
                    listen:
                    - Date: a.created_date
                    - Date: b.created_date
                  filters:
                  elements_two: ~
                """);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.dashboards().get(0).elements().get(0).listen())
                .extracting(b -> b.key().value() + "=" + b.value().value() + "@" + b.value().position())
                .containsExactly("Date=a.created_date@d.dashboard.lookml:5:13",
                        "Date=b.created_date@d.dashboard.lookml:6:13");
    }

    @Test
    void everyCorpusDashboardLoads() {
        Path dir = Corpus.require();
        Map<String, String> files = Corpus.dashboards(dir);
        List<String> failures = new ArrayList<>();
        int dashboards = 0;
        for (var e : files.entrySet()) {
            ParsedDashboards parsed = DashboardParser.parse(e.getKey(), e.getValue());
            parsed.diagnostics().forEach(d -> failures.add(d.position() + " " + d.message()));
            dashboards += parsed.dashboards().size();
            if (parsed.dashboards().isEmpty()) {
                failures.add(e.getKey() + ": no dashboard");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(files).hasSize(79);
        assertThat(dashboards).isEqualTo(79);
    }

    @Test
    void documentsAreThePlainYamlOfWhatComposes() {
        List<Object> tags = DashboardParser.documents("d.dashboard.lookml",
                Fixtures.read("dashboards/tags.dashboard.lookml"));
        assertThat(tags).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) tags.get(0)).get(0);
        assertThat(first).containsEntry("dashboard", "patient_overview")
                .containsEntry("title", "Patient Overview");
        assertThat(DashboardParser.documents("d.dashboard.lookml", "- dashboard: x\n  title: [a\n"))
                .isEmpty();
        assertThat(DashboardParser.documents("d.dashboard.lookml", "a: 1\n---\nb: [\n"))
                .containsExactly(Map.of("a", "1"));
    }
}
