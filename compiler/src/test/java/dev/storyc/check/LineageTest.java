package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.ProcessValues;
import dev.storyc.release.StorySelector;
import dev.storyc.render.StoryRenderer;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lineage of the example workspace's environments, as the checks' own model reads it. */
class LineageTest {
    static final Workspace WORKSPACE =
            WorkspaceLoader.load(Checkout.root(), StdlibLoader.load()).get();
    static final ProcessValues PROCESS =
            ProcessValues.of(
                    Map.of(
                            "USER",
                            "cobbr2",
                            "STORYC_PROD_WAREHOUSE_PASSWORD",
                            "p",
                            "STORYC_TEST_WAREHOUSE_PASSWORD",
                            "t"),
                    Map.of());

    static Lineage.Graph lineage(String name) {
        var environments = EnvironmentResolver.evaluate(WORKSPACE, PROCESS).get().environments();
        Environment environment = environments.find(name).orElseThrow();
        var selection = StorySelector.select(environment, WORKSPACE).get();
        TemplateRenderer renderer = TemplateRenderer.forWorkspace(WORKSPACE);
        var rendered = StoryRenderer.render(environment, selection.stories(), renderer).get();
        return new Lineage().of(environment, rendered, renderer);
    }

    @Test
    void followsARawTableThroughEtlViewsAndExploresToDashboards() {
        Lineage.Graph graph = lineage("integration");
        assertThat(graph.environment()).isEqualTo("integration");
        assertThat(graph.edges())
                .contains(
                        new Lineage.Edge("table:ehr.patients", "etl:patients/load_patients"),
                        new Lineage.Edge("etl:patients/load_patients", "table:analytics.patients"),
                        new Lineage.Edge("table:analytics.patients", "view:patients"),
                        new Lineage.Edge("view:patients", "explore:patients"),
                        new Lineage.Edge("view:encounters", "explore:claims"),
                        new Lineage.Edge(
                                "explore:patients", "element:patient_overview/patient_count"),
                        new Lineage.Edge(
                                "element:patient_overview/patient_count",
                                "dashboard:patient_overview"));
        assertThat(node(graph, "table:ehr.patients"))
                .isEqualTo(
                        new Lineage.Node(
                                "table:ehr.patients",
                                Lineage.Kind.RAW_TABLE,
                                "ehr.patients",
                                Optional.empty(),
                                "ehr.patients",
                                List.of()));
        Lineage.Node view = node(graph, "view:patients");
        assertThat(view.kind()).isEqualTo(Lineage.Kind.VIEW);
        assertThat(view.story()).contains("patients");
        assertThat(view.fields()).contains("mrn", "loaded_date", "average_age");
        assertThat(node(graph, "etl:patients/load_patients").story()).contains("patients");
        assertThat(node(graph, "dashboard:care_gap_closure").story()).contains("care-gaps");
    }

    @Test
    void anEtlJobReadsTheTablesItsSqlUsesButNotTheOneItWrites() {
        Lineage.Graph graph = lineage("integration");
        assertThat(graph.edges())
                .contains(
                        new Lineage.Edge(
                                "table:raw_ehr.ehr_patients", "etl:patients/load_patients"),
                        new Lineage.Edge(
                                "table:analytics.patients", "etl:care-gaps/build_care_gaps"),
                        new Lineage.Edge(
                                "table:analytics.encounters", "etl:care-gaps/build_care_gaps"))
                .doesNotContain(
                        new Lineage.Edge("table:analytics.patients", "etl:patients/load_patients"),
                        new Lineage.Edge(
                                "table:analytics.care_gaps", "etl:care-gaps/build_care_gaps"));
        assertThat(node(graph, "table:raw_ehr.ehr_patients").kind())
                .isEqualTo(Lineage.Kind.RAW_TABLE);
    }

    @Test
    void everyEdgeJoinsTwoNodesOfTheGraph() {
        Lineage.Graph graph = lineage("integration");
        List<String> ids = graph.nodes().stream().map(Lineage.Node::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        graph.edges().forEach(edge -> assertThat(ids).contains(edge.from(), edge.to()));
        assertThat(graph.nodes()).hasSize(68);
        assertThat(graph.edges()).hasSize(85);
    }

    @Test
    void anEnvironmentSeesOnlyItsReleasesStories() {
        Lineage.Graph production = lineage("production");
        List<String> ids = production.nodes().stream().map(Lineage.Node::id).toList();
        assertThat(ids)
                .contains("view:claims", "dashboard:appointment_no_shows")
                .doesNotContain(
                        "view:care_gaps", "view:medication_pdc", "table:analytics.care_gaps");
    }

    private static Lineage.Node node(Lineage.Graph graph, String id) {
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }
}
