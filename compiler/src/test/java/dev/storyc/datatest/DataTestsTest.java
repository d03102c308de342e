package dev.storyc.datatest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Position;
import dev.storyc.validate.LookmlProject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTestsTest {
    static final LookmlProject PROJECT =
            LookmlProject.of(
                    Map.of(
                            "out/e/views/p/patients.view.lkml",
                            """
                            view: patients {
                              sql_table_name: analytics.patients ;;
                              dimension: patient_id {
                                primary_key: yes
                                sql: ${TABLE}.patient_id ;;
                              }
                              dimension: mrn { sql: ${TABLE}.mrn ;; }
                            }
                            view: notes {
                              sql_table_name: analytics.notes ;;
                              dimension: id { sql: ${TABLE}.id ;; }
                            }
                            """));

    @Test
    void storyTestsAndPrimaryKeyTestsAreCollectedAtTheirLines() {
        DataTests.Collected collected =
                DataTests.collect(
                        Map.of(
                                "patients",
                                Map.of(
                                        "out/e/tests/patients/born.sql",
                                        "-- born before they die\n\nSELECT 1;\n")),
                        PROJECT,
                        Map.of("patients", "patients", "notes", "notes"),
                        Set.of());

        assertThat(collected.problems()).isEmpty();
        assertThat(collected.tests())
                .extracting(DataTest::name)
                .containsExactly(
                        "patients/born",
                        "patients.patient_id is unique",
                        "patients.patient_id is not null");
        assertThat(collected.tests().get(0).at())
                .isEqualTo(Position.of("out/e/tests/patients/born.sql", 3, 1));
        assertThat(collected.tests().get(1).at())
                .isEqualTo(Position.of("out/e/views/p/patients.view.lkml", 3, 14));
        assertThat(collected.tests().get(1).sql())
                .isEqualTo(
                        "SELECT patients.patient_id AS patient_id, COUNT(*) AS copies\n"
                            + "FROM analytics.patients AS patients\n"
                            + "GROUP BY patients.patient_id\n"
                            + "HAVING COUNT(*) > 1");
        assertThat(collected.tests().get(2).sql())
                .isEqualTo(
                        "SELECT *\n"
                            + "FROM analytics.patients AS patients\n"
                            + "WHERE patients.patient_id IS NULL");
    }

    /** A key whose sql ends in a comment commented out the rest of its test's line. */
    @Test
    void aKeysTrailingLineCommentEndsItsLine() {
        LookmlProject project = LookmlProject.of(Map.of("out/e/views/c/claims.view.lkml",
                "view: claims {\n  sql_table_name: analytics.claims ;;\n"
                        + "  dimension: claim_id {\n    primary_key: yes\n"
                        + "    sql: ${TABLE}.claim_id -- the clearinghouse id\n    ;;\n  }\n}\n"));
        DataTests.Collected collected = DataTests.collect(Map.of(), project, Map.of("claims", "c"), Set.of());

        assertThat(collected.tests()).extracting(DataTest::sql).containsExactly(
                "SELECT claims.claim_id -- the clearinghouse id\n AS claim_id, COUNT(*) AS copies\n"
                        + "FROM analytics.claims AS claims\n"
                        + "GROUP BY claims.claim_id -- the clearinghouse id\n\n"
                        + "HAVING COUNT(*) > 1",
                "SELECT *\nFROM analytics.claims AS claims\nWHERE claims.claim_id -- the clearinghouse id\n IS NULL");
    }

    /** A key whose SQL holds Liquid got no tests and no mention: its tests are skipped, with why. */
    @Test
    void aKeyWithLiquidIsSkippedWithTheReason() {
        LookmlProject project = LookmlProject.of(Map.of("out/e/views/c/claims.view.lkml",
                "view: claims {\n  sql_table_name: analytics.claims ;;\n"
                        + "  dimension: claim_id {\n    primary_key: yes\n"
                        + "    sql: {% if _user_attributes['x'] %}${TABLE}.claim_id{% endif %} ;;\n  }\n}\n"));
        DataTests.Collected collected = DataTests.collect(Map.of(), project, Map.of("claims", "c"), Set.of());

        assertThat(collected.tests()).isEmpty();
        assertThat(collected.skipped()).extracting(o -> o.test().name() + ": " + o.status() + ", " + o.error()
                        + " at " + o.test().at())
                .containsExactly(
                        "claims.claim_id is unique: SKIPPED, Liquid is rendered by Looker at query time"
                                + " at out/e/views/c/claims.view.lkml:3:14",
                        "claims.claim_id is not null: SKIPPED, Liquid is rendered by Looker at query time"
                                + " at out/e/views/c/claims.view.lkml:3:14");
    }

    @Test
    void storySelectionKeepsOnlyThatStorysTests() {
        DataTests.Collected collected =
                DataTests.collect(
                        Map.of("notes", Map.of("t.sql", "SELECT 1")),
                        PROJECT,
                        Map.of("patients", "patients", "notes", "notes"),
                        Set.of("notes"));

        assertThat(collected.tests()).extracting(DataTest::name).containsExactly("notes/t");
    }

    @Test
    void aTestThatIsNotOneQueryIsAnError() {
        DataTests.Collected collected =
                DataTests.collect(
                        Map.of(
                                "p",
                                Map.of(
                                        "out/e/tests/p/bad.sql",
                                        "DELETE FROM analytics.patients;\n")),
                        PROJECT,
                        Map.of(),
                        Set.of("p"));

        assertThat(collected.problems())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.code().id()).isEqualTo("E0913");
                            assertThat(d.position())
                                    .isEqualTo(Position.of("out/e/tests/p/bad.sql", 1, 1));
                        });
    }
}
