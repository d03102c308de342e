package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Liquid as LookML writes it: Looker's tags parse, mistakes do not, and the fields it names. */
class LiquidTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{% if value == 'x' %}<b>{{ rendered_value }}</b>{% else %}{{ value }}{% endif %}",
                "{% condition patients.state %} ${TABLE}.state {% endcondition %}",
                "{% parameter ${dynamic_region} %} and {% parameter region %}",
                "{% date_start orders.created_date %} {% date_end orders.created_date %}",
                "WHERE {% incrementcondition %} d {% endincrementcondition %}",
                "{{ _filters['orders.status'] | sql_quote }} {{ _user_attributes['team'] }}",
                "{% comment %} {% if %} {% endcomment %}@{constant}"
            })
    void validLiquidParses(String text) {
        assertThat(dev.storyc.lookml.liquid.LookerLiquid.problem(text)).isEmpty();
    }

    @Test
    void mistakesAreReportedWithTheirLineAndColumn() {
        dev.storyc.lookml.liquid.LookerLiquid.Problem endiff = dev.storyc.lookml.liquid.LookerLiquid.problem("a\n  {% if x %}b{% endiff %}").orElseThrow();
        assertThat(endiff.line()).isEqualTo(2);
        assertThat(endiff.column()).as("at the tag's name").isEqualTo(16);
        assertThat(endiff.message()).contains("endiff").doesNotContain("expecting {");
        assertThat(dev.storyc.lookml.liquid.LookerLiquid.problem("{% if x %}never closed")).isPresent();
        assertThat(dev.storyc.lookml.liquid.LookerLiquid.problem("{{ value }")).isPresent();
        assertThat(dev.storyc.lookml.liquid.LookerLiquid.problem("{% condition v.f %} no end")).isPresent();
    }

    @Test
    void blocksNestedDeeperThanTheLimitAreAProblemNotAStackOverflow() {
        String deep = "x\n" + "{% if a %}".repeat(2000) + "{% endif %}".repeat(2000);
        dev.storyc.lookml.liquid.LookerLiquid.Problem problem = dev.storyc.lookml.liquid.LookerLiquid.problem(deep).orElseThrow();
        assertThat(problem.message()).isEqualTo("blocks are nested more than 100 deep");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(100 * "{% if a %}".length());
        assertThat(dev.storyc.lookml.liquid.LookerLiquid.problem("{% if a %}".repeat(100) + "{% endif %}".repeat(100))).isEmpty();
    }

    @Test
    void findsTheFieldsLiquidNames() {
        String text =
                "{% if orders.status._value == 'x' and count._in_query %}{{ _filters['users.state']"
                    + " }}{% endif %}{% condition orders.created_date %}{% endcondition %}{{"
                    + " _model._name }}{{ value }} 'orders.fake._value'";
        assertThat(Liquid.fieldNames(text).stream().map(Liquid.FieldName::name).toList())
                .containsExactly("orders.status", "count", "users.state", "orders.created_date");
        assertThat(Liquid.fieldNames(text).get(0).offset())
                .isEqualTo(text.indexOf("orders.status"));
    }
}
