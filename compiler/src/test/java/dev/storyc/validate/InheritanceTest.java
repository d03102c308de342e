package dev.storyc.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live validator queries what views and explores inherit through extends, where Looker would. */
class InheritanceTest {
    static final String VIEWS = """
            view: base_events {
              extension: required
              dimension: id { primary_key: yes sql: ${TABLE}.id ;; }
              dimension: kind { sql: ${TABLE}.kind ;; }
              dimension_group: occurred {
                type: time
                timeframes: [raw, date]
                sql: ${TABLE}.occured_at ;;
              }
            }
            view: events {
              extends: [base_events]
              sql_table_name: s.events ;;
              dimension: kind { label: "Kind" sql: UPPER(${EXTENDED}) ;; }
              measure: count { type: count }
            }
            view: users {
              sql_table_name: s.users ;;
              dimension: id { primary_key: yes sql: ${TABLE}.id ;; }
            }
            """;
    static final String EXPLORES = """
            explore: events_base {
              extension: required
              view_name: events
              join: users { sql_on: ${events.id} = ${users.id} ;; relationship: many_to_one }
            }
            explore: events_plus {
              extends: [events_base]
              join: u2 { from: users sql_on: ${users.id} = ${u2.id} ;; relationship: one_to_one }
            }
            """;

    static ValidationPlan plan() {
        return ValidationPlanner.plan(LookmlProject.of(
                Map.of("views/e.view.lkml", VIEWS, "explores/e.explore.lkml", EXPLORES)));
    }

    @Test
    void anInheritedFieldIsQueriedOverTheExtendingViewsTableAndTheTemplateNotAlone() {
        ValidationPlan plan = plan();

        assertThat(plan.batches()).extracting(Batch::label).doesNotContain("view base_events");
        String events = plan.batches().stream().filter(b -> b.label().equals("view events"))
                .map(b -> b.render().sql()).findFirst().orElseThrow();
        assertThat(events).contains("events.occured_at").contains("FROM s.events AS events")
                .contains("UPPER(events.kind)").doesNotContain("EXTENDED");
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void anExtendingExploreHasItsParentsBaseViewAndJoins() {
        ValidationPlan plan = plan();

        assertThat(plan.batches()).extracting(Batch::label).contains("explore events_plus")
                .doesNotContain("explore events_base");
        String explore = plan.batches().stream().filter(b -> b.label().equals("explore events_plus"))
                .map(b -> b.render().sql()).findFirst().orElseThrow();
        assertThat(explore).contains("FROM s.events AS events")
                .contains("LEFT JOIN s.users AS users ON (events.id) = (users.id)")
                .contains("LEFT JOIN s.users AS u2 ON (users.id) = (u2.id)");
    }

    @Test
    void anExtendingViewHasItsParentsPrimaryKey() {
        LookmlProject project = LookmlProject.of(Map.of("views/e.view.lkml", VIEWS));

        assertThat(project.primaryKeys("events")).containsExactly("id");
        assertThat(project.views()).extracting(v -> v.name()).containsExactly("events", "users");
    }
}
