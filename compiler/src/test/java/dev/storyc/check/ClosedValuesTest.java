package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Lookml;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per closed set of {@link LookerValues}: a value Looker does not have is E0644 at the
 * value, with the message naming the field or join and a "did you mean" hint; and the values
 * Looker does have, including the rare and legacy ones, pass.
 */
class ClosedValuesTest {
    private static final String PATH = "views/orders.view.lkml";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("join type", explore("type: left_outr"), "3:11",
                        "join `customers` of explore `orders` has `type: left_outr`", "did you mean `left_outer`?"),
                mistake("join relationship", explore("relationship: many_to_won"), "3:19",
                        "join `customers` of explore `orders` has `relationship: many_to_won`",
                        "did you mean `many_to_one`?"),
                mistake("dimension type", field("dimension", "type: strng"), "3:11",
                        "dimension `f` of view `orders` has `type: strng`", "did you mean `string`?"),
                mistake("dimension type, individual date type", field("dimension", "type: date_wek"), "3:11",
                        "dimension `f` of view `orders` has `type: date_wek`", "did you mean `date_week`?"),
                mistake("dimension group type", field("dimension_group", "type: tme"), "3:11",
                        "dimension group `f` of view `orders` has `type: tme`", "did you mean `time`?"),
                mistake("measure type", field("measure", "type: count_distnct"), "3:11",
                        "measure `f` of view `orders` has `type: count_distnct`", "did you mean `count_distinct`?"),
                mistake("filter type", field("filter", "type: yesn"), "3:11",
                        "filter `f` of view `orders` has `type: yesn`", "did you mean `yesno`?"),
                mistake("parameter type", field("parameter", "type: unqouted"), "3:11",
                        "parameter `f` of view `orders` has `type: unqouted`", "did you mean `unquoted`?"),
                mistake("datatype", field("dimension_group", "datatype: timestmp"), "3:15",
                        "dimension group `f` of view `orders` has `datatype: timestmp`", "did you mean `timestamp`?"),
                // Looker's names are lower case; the hint shows the spelling it wants.
                mistake("case", field("measure", "type: SUM"), "3:11",
                        "measure `f` of view `orders` has `type: SUM`", "did you mean `sum`?"),
                // Nothing close: the hint lists what the key takes.
                mistake("no close value", explore("type: sideways"), "3:11",
                        "has `type: sideways`", "a join's `type` is one of `left_outer`, `full_outer`, `inner`, `cross`"),
                mistake("refinement", "view: +orders {\n  dimension: f {\n    type: nubmer\n  }\n}\n", "3:11",
                        "dimension `f` of view `+orders` has `type: nubmer`", "did you mean `number`?"),
                mistake("quoted value", field("measure", "type: \"avrage\""), "3:11",
                        "measure `f` of view `orders` has `type: avrage`", "did you mean `average`?"));
    }

    static Arguments mistake(String name, String lookml, String at, String message, String hint) {
        return Arguments.of(name, lookml, at, message, hint);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aValueLookerDoesNotHaveIsReportedAtTheValue(String name, String lookml, String at, String message,
            String hint) {
        List<Diagnostic> found = check(lookml);

        assertThat(found).as(name).hasSize(1);
        Diagnostic diagnostic = found.get(0);
        assertThat(diagnostic.code().id()).isEqualTo("E0644");
        assertThat(diagnostic.isError()).isTrue();
        assertThat(diagnostic.position()).hasToString(PATH + ":" + at);
        assertThat(diagnostic.message()).contains(message).endsWith(", which Looker does not have");
        assertThat(diagnostic.hint()).contains(hint);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(explore("type: full_outer\n    relationship: one_to_many")),
                Arguments.of(explore("type: cross\n    relationship: many_to_many")),
                Arguments.of(field("dimension", "type: zipcode")),
                Arguments.of(field("dimension", "type: distance")),
                Arguments.of(field("dimension", "type: bin")),
                Arguments.of(field("dimension", "type: date_month_num")),
                Arguments.of(field("dimension", "type: date_minute15")),
                Arguments.of(field("dimension", "type: int")),
                Arguments.of(field("dimension_group", "type: duration\n    datatype: yyyymmdd")),
                Arguments.of(field("measure", "type: period_over_period")),
                Arguments.of(field("measure", "type: percentile_distinct")),
                Arguments.of(field("measure", "type: percent_of_previous")),
                Arguments.of(field("parameter", "type: unquoted")),
                Arguments.of(field("filter", "type: date_time\n    datatype: epoch")),
                // Filled in by Looker or by storyc before the value means anything.
                Arguments.of(field("measure", "type: \"@{measure_type}\"")),
                Arguments.of(field("dimension", "type: \"{{ _user_attributes['type'] }}\"")),
                Arguments.of(field("dimension", "type: <%env.type%>")));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void aValueLookerHasOrFillsInPasses(String lookml) {
        assertThat(check(lookml)).isEmpty();
    }

    private static List<Diagnostic> check(String lookml) {
        var parsed = Lookml.parse(PATH, lookml);
        assertThat(parsed.diagnostics()).as("the row's LookML parses").isEmpty();
        return ClosedValues.of(Lookml.model(parsed));
    }

    private static String explore(String join) {
        return "explore: orders {\n  join: customers {\n    " + join + "\n    sql_on: ${orders.id} = ${customers.id} ;;\n"
                + "  }\n}\n";
    }

    private static String field(String kind, String settings) {
        return "view: orders {\n  " + kind + ": f {\n    " + settings + "\n    sql: ${TABLE}.f ;;\n  }\n}\n";
    }
}
