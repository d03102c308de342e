package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.diag.SourceFile;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The workspace's {@code model/*.lkml}, rendered per environment into the generated model file. */
class ModelFilesTest {
    @Test
    void eachModelFileIsRenderedForTheEnvironmentAfterTheIncludesInPathOrder() {
        TreeMap<String, SourceFile> models = new TreeMap<>();
        models.put("model/b_grants.lkml", new SourceFile("model/b_grants.lkml",
                "access_grant: phi { user_attribute: phi allowed_values: [\"yes\"] }"));
        models.put("model/a_cache.lkml", new SourceFile("model/a_cache.lkml",
                "datagroup: nightly {\n  sql_trigger: SELECT MAX(id) FROM <% env.warehouse.schema %>.base"
                        + " ;;\n}\npersist_with: nightly\n"));
        Environment prod = MinimalProject.environment("prod");

        CompiledEnvironment built = new OutputTreeBuilder(MinimalProject.WORKSPACE.stdlib(),
                MinimalProject.RENDERER, MinimalProject.IDS, "9.9.9", models)
                .build(prod, MinimalProject.selection(prod), MinimalProject.rendered(prod)).get();

        String model = built.tree().file("warehouse.model.lkml").orElseThrow().text();
        assertThat(model).endsWith("""
                include: "/views/extra/*.view.lkml"

                # From the workspace's model/a_cache.lkml, declared once for every environment.
                datagroup: nightly {
                  sql_trigger: SELECT MAX(id) FROM analytics.base ;;
                }
                persist_with: nightly

                # From the workspace's model/b_grants.lkml, declared once for every environment.
                access_grant: phi { user_attribute: phi allowed_values: ["yes"] }
                """);
    }

    @Test
    void withoutModelFilesTheModelIsConnectionAndIncludes() {
        String model = MinimalProject.built("prod").tree().file("warehouse.model.lkml").orElseThrow()
                .text();
        assertThat(model).doesNotContain("From the workspace").endsWith("*.view.lkml\"\n");
    }
}
