package dev.storyc.lookml.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.Corpus;
import dev.storyc.lookml.Fixtures;
import dev.storyc.lookml.Lookml;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LookmlModelsTest {

    @Test
    void viewsFieldsGroupsSetsAndRefinements() {
        LookmlFile file = model("views/everything.view.lkml", Fixtures.read("grammar/everything.view.lkml"));
        assertThat(file.kind()).isEqualTo(FileKind.VIEW);
        assertThat(file.includes()).extracting(Located::value).containsExactly("/views/*.view.lkml");
        View orders = file.view("orders").orElseThrow();
        assertThat(orders.position()).hasToString("views/everything.view.lkml:4:7");
        assertThat(orders.sqlTableName().map(Located::value)).contains("analytics.orders");
        assertThat(orders.extendsViews()).extracting(Located::value).containsExactly("base_orders");
        assertThat(orders.extensionRequired()).isTrue();
        assertThat(orders.derivedTable()).isPresent();
        assertThat(orders.fieldNames()).containsExactly("id", "status", "created_raw", "created_date",
                "created_week", "count", "tz");
        assertThat(orders.field("created_week").orElseThrow().kind()).isEqualTo(FieldKind.DIMENSION_GROUP);
        assertThat(orders.field("id").orElseThrow().sql().map(Located::value)).contains("${TABLE}.id");
        assertThat(orders.set("detail").orElseThrow().fields()).extracting(Located::value)
                .containsExactly("ALL_FIELDS*", "-orders.secret", "detail*");
        View refinement = file.views().get(1);
        assertThat(refinement.refinement()).isTrue();
        assertThat(refinement.name()).isEqualTo("orders");
        assertThat(file.explore("a").orElseThrow().extensionRequired()).isTrue();
    }

    @Test
    void durationGroupsExpandIntervals() {
        LookmlFile file = model("v.view.lkml",
                "view: v { dimension_group: stay { type: duration intervals: [day, hour] sql_start: a ;; sql_end: b ;; } "
                        + "dimension_group: at { type: time } }");
        View view = file.views().get(0);
        assertThat(view.fields().get(0).names()).containsExactly("days_stay", "hours_stay");
        assertThat(view.fields().get(1).names()).contains("at_date", "at_month", "at_raw");
    }

    @Test
    void exploresJoinsAndModels() {
        LookmlFile file = model("warehouse.model.lkml", Fixtures.read("grammar/model.model.lkml"));
        assertThat(file.modelName()).contains("warehouse");
        assertThat(file.connection().map(Located::value)).contains("warehouse");
        assertThat(file.includes()).hasSize(2);
        Explore orders = file.explore("orders").orElseThrow();
        assertThat(orders.baseView()).isEqualTo("orders");
        assertThat(orders.joinedViews()).containsExactly("orders", "customers", "customers");
        assertThat(orders.join("buyer").orElseThrow().from().map(Located::value)).contains("customers");
        assertThat(orders.join("customers").orElseThrow().sqlOn().orElseThrow().position())
                .hasToString("warehouse.model.lkml:20:13");
        assertThat(orders.fields()).extracting(Located::value).containsExactly("ALL_FIELDS*", "-orders.secret");
        assertThat(file.explores().get(1).refinement()).isTrue();
        Explore facts = file.explore("order_facts").orElseThrow();
        assertThat(facts.baseView()).isEqualTo("orders");
        assertThat(facts.extendsExplores()).extracting(Located::value).containsExactly("orders");
    }

    @Test
    void manifest() {
        LookmlFile file = model("manifest.lkml", Fixtures.read("grammar/manifest.lkml"));
        assertThat(file.kind()).isEqualTo(FileKind.MANIFEST);
        Manifest manifest = file.manifest().orElseThrow();
        assertThat(manifest.projectName().map(Located::value)).contains("health");
        assertThat(manifest.constants()).extracting(Constant::name).containsExactly("SCHEMA", "CONNECTION");
        assertThat(manifest.constant("SCHEMA").orElseThrow().value().map(Located::value)).contains("analytics");
        assertThat(manifest.constant("SCHEMA").orElseThrow().export()).contains("override_optional");
        assertThat(manifest.localDependencies()).extracting(Located::value).containsExactly("shared_blocks");
        assertThat(model("v.view.lkml", "view: v {}").manifest()).isEmpty();
    }

    @Test
    void everyCorpusFileBuildsAModel() {
        Path dir = Corpus.require();
        int views = 0;
        int explores = 0;
        for (var e : Corpus.lkml(dir).entrySet()) {
            LookmlFile file = model(e.getKey(), e.getValue());
            views += file.views().size();
            explores += file.explores().size();
            file.views().forEach(v -> assertThat(v.fieldNames()).doesNotContainNull());
        }
        assertThat(views).isGreaterThan(250);
        assertThat(explores).isGreaterThan(50);
    }

    private static LookmlFile model(String path, String text) {
        return Lookml.model(Lookml.parse(path, text));
    }
}
