package dev.storyc.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationPlannerTest {
    static final String VIEWS =
            """
            view: orders {
              sql_table_name: shop.orders ;;
              dimension: id { sql: ${TABLE}.id ;; }
              dimension: customer_id { sql: ${TABLE}.customer_id ;; }
              dimension: tier { sql: ${customers.tier} ;; }
              measure: count { type: count }
            }
            view: customers {
              sql_table_name: shop.customers ;;
              dimension: id { sql: ${TABLE}.id ;; }
              dimension: tier { sql: ${TABLE}.tier ;; }
            }
            """;
    static final String EXPLORES =
            """
            explore: orders {
              join: customers {
                sql_on: ${orders.customer_id} = ${customers.id} ;;
                relationship: many_to_one
              }
            }
            explore: customers {}
            """;

    static LookmlProject project() {
        return LookmlProject.of(
                Map.of("views/shop.view.lkml", VIEWS, "explores/shop.explore.lkml", EXPLORES));
    }

    @Test
    void ownViewFieldsAreBatchedOncePerViewAndJoinsOncePerExplore() {
        ValidationPlan plan = ValidationPlanner.plan(project());

        assertThat(plan.batches())
                .extracting(Batch::label)
                .containsExactly(
                        "view orders",
                        "view orders",
                        "view customers",
                        "explore orders",
                        "explore customers");
        Batch orderDimensions = plan.batches().get(0);
        assertThat(orderDimensions.fields())
                .extracting(QueryParts.FieldQuery::field)
                .containsExactly("id", "customer_id");
        assertThat(orderDimensions.render().sql())
                .isEqualTo(
                        "SELECT\n"
                            + "  orders.id AS f0,\n"
                            + "  orders.customer_id AS f1\n"
                            + "FROM shop.orders AS orders\n"
                            + "LIMIT 0");
        assertThat(plan.batches().get(3).render().sql())
                .isEqualTo(
                        "SELECT\n"
                            + "  (customers.tier) AS f0\n"
                            + "FROM shop.orders AS orders\n"
                            + "LEFT JOIN shop.customers AS customers ON (orders.customer_id) ="
                            + " (customers.id)\n"
                            + "LIMIT 0");
        assertThat(plan.batches().get(4).render().sql())
                .isEqualTo("SELECT 1\nFROM shop.customers AS customers\nLIMIT 0");
        assertThat(plan.problems())
                .as(
                        "orders.tier reads customers, which explore customers does not join but"
                            + " explore orders does; a view is only resolved where it is used")
                .isEmpty();
    }

    @Test
    void theRegionsOfAQueryNameWhatAServerPositionPointsAt() {
        Batch explore = ValidationPlanner.plan(project()).batches().get(3);
        Batch.Rendered rendered = explore.render();
        int onTier = rendered.sql().indexOf("customers.tier") + 1;
        int onJoin = rendered.sql().indexOf("customers.id") + 1;
        int onTable = rendered.sql().indexOf("shop.orders") + 1;

        assertThat(rendered.regionAt(onTier)).containsInstanceOf(Batch.Region.Field.class);
        assertThat(rendered.regionAt(onJoin))
                .get()
                .isEqualTo(
                        rendered.regions().stream()
                                .filter(r -> r instanceof Batch.Region.Join)
                                .findFirst()
                                .orElseThrow());
        assertThat(rendered.regionAt(onTable)).containsInstanceOf(Batch.Region.Table.class);
        assertThat(rendered.regionAt(1)).isEmpty();
    }

    @Test
    void droppingAJoinDropsTheFieldsThatNeedIt() {
        Batch explore = ValidationPlanner.plan(project()).batches().get(3);
        java.util.ArrayList<QueryParts.FieldQuery> dropped = new java.util.ArrayList<>();

        Batch narrower = explore.withoutJoin("customers", dropped);

        assertThat(narrower.from().joins()).isEmpty();
        assertThat(narrower.fields()).isEmpty();
        assertThat(dropped)
                .extracting(QueryParts.FieldQuery::qualifiedName)
                .containsExactly("orders.tier");
    }

    @Test
    void thePerFieldBaselineSendsOneQueryPerFieldPerExplore() {
        ValidationPlan plan = ValidationPlanner.perField(project());

        assertThat(plan.batches()).allSatisfy(b -> assertThat(b.fields()).hasSize(1));
        assertThat(plan.batches()).hasSize(4 + 2 + 2);
        assertThat(plan.batches().stream().map(b -> b.fields().get(0).qualifiedName()).toList())
                .containsExactly(
                        "orders.id",
                        "orders.customer_id",
                        "orders.tier",
                        "orders.count",
                        "customers.id",
                        "customers.tier",
                        "customers.id",
                        "customers.tier");
        assertThat(List.copyOf(plan.batches())).isNotEmpty();
    }

    @Test
    void liquidThatDoesNotParseIsReportedAtItsSqlAndCountedAsSkipped() {
        ValidationPlan plan = ValidationPlanner.plan(LookmlProject.of(Map.of("v.view.lkml", """
                view: v {
                  sql_table_name: s.v ;;
                  dimension: ok { sql: {% if x %}${TABLE}.a{% endif %} ;; }
                  dimension: bad {
                    sql: {% if x %}${TABLE}.a ;;
                  }
                }
                """)));

        assertThat(plan.skipped()).containsEntry("Liquid is rendered by Looker at query time", 2);
        assertThat(plan.problems()).singleElement().satisfies(d -> {
            assertThat(d.code().id()).isEqualTo("E0925");
            assertThat(d.position().line()).isEqualTo(5);
            assertThat(d.message()).contains("field `v.bad` does not parse");
        });
    }

    /** Check passes Looker's own tags; validate, which parsed without them, refused each as E0925. */
    @Test
    void lookersTagsAndSubstitutionsInsideTagsParseAsLookerReadsThem() {
        ValidationPlan plan = ValidationPlanner.plan(LookmlProject.of(Map.of("v.view.lkml", """
                view: v {
                  sql_table_name: s.v ;;
                  filter: f { type: string }
                  parameter: p { type: number }
                  dimension: a { sql: {% condition f %} ${TABLE}.a {% endcondition %} ;; }
                  dimension: b { sql: LENGTH(${TABLE}.b) * {% parameter p %} ;; }
                  dimension: c { sql: {% date_start f %} < {% date_end f %} ;; }
                  dimension: d { sql: {% incrementcondition f %} ${TABLE}.d {% endincrementcondition %} ;; }
                  dimension: e { sql: {% parameter ${p} %} ;; }
                  dimension: bad {
                    sql: 1 +
                      {% if x %}${TABLE}.a ;;
                  }
                }
                """)));

        assertThat(plan.problems()).singleElement().satisfies(d -> {
            assertThat(d.code().id()).isEqualTo("E0925");
            assertThat(d.message()).contains("field `v.bad` does not parse");
            assertThat(d.hint().orElseThrow()).contains("incrementcondition");
            assertThat(d.position().line()).isEqualTo(12);
        });
        assertThat(plan.skipped()).containsEntry("Liquid is rendered by Looker at query time", 6);
    }
}
