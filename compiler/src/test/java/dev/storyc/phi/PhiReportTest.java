package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code storyc phi report} lists as reading {@code patients.mrn}, one way of reading it per
 * row: each row's reader is listed with its kind, name, position and environments.
 */
class PhiReportTest {
    static final String VIEW = "stories/patients/views/mrn_dt.view.lkml";

    /** A derived table that renames the MRN, and fields over it. */
    static final String DERIVED = """
            view: mrn_dt {
              derived_table: {
                sql: SELECT p.patient_id, p.mrn AS medical_record
                     FROM <% env.warehouse.schema %>.patients p ;;
              }
              dimension: patient_id {
                primary_key: yes
                sql: ${TABLE}.patient_id ;;
              }
              dimension: medical_record {
                sql: ${TABLE}.medical_record ;;
              }
              dimension: record_label {
                sql: 'MRN ' || ${medical_record} ;;
              }
            }
            """;

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("a derived table's field", Map.of(VIEW, DERIVED),
                        "field mrn_dt.medical_record " + VIEW + ":10:3 [dev, prod]"),
                Arguments.of("a field over a derived table's field", Map.of(VIEW, DERIVED),
                        "field mrn_dt.record_label " + VIEW + ":13:3 [dev, prod]"),
                Arguments.of("a dashboard tile showing a derived table's field", Map.of(VIEW,
                        DERIVED, "stories/patients/dashboards/records.dashboard.lookml", """
                        - dashboard: records
                          title: Records
                          elements:
                          - name: by_record
                            model: <% env.model %>
                            explore: mrn_dt
                            type: looker_grid
                            fields: [mrn_dt.medical_record]
                        """),
                        "dashboard records.by_record"
                                + " stories/patients/dashboards/records.dashboard.lookml:8:14"
                                + " [dev, prod]"),
                Arguments.of("a derived table with a column-alias list", Map.of(VIEW, """
                        view: mrn_dt {
                          derived_table: {
                            sql: SELECT t.pid AS patient_id, t.m AS medical_record
                                 FROM <% env.warehouse.schema %>.patients AS t (pid, m) ;;
                          }
                          dimension: medical_record {
                            sql: ${TABLE}.medical_record ;;
                          }
                        }
                        """), "field mrn_dt.medical_record " + VIEW + ":6:3 [dev, prod]"),
                Arguments.of("a derived table's star, read by name", Map.of(VIEW, """
                        view: mrn_dt {
                          derived_table: {
                            sql: SELECT * FROM <% env.warehouse.schema %>.patients ;;
                          }
                          dimension: record {
                            sql: ${TABLE}.mrn ;;
                          }
                        }
                        """), "field mrn_dt.record " + VIEW + ":5:3 [dev, prod]"),
                Arguments.of("an ETL job storing it through a column-alias list", Map.of(
                        "stories/patients/etl/smuggle.sql", """
                        SELECT t.pid AS visit_id, t.m AS patient_id
                        FROM <% env.warehouse.schema %>.patients AS t (pid, m)
                        """, "stories/patients/etl/smuggle.job.toml",
                        PhiSqlSmugglingRows.JOB.get("etl/smuggle.job.toml")),
                        "job patients/smuggle.sql stories/patients/etl/smuggle.sql [dev, prod]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void listsTheReader(String name, Map<String, String> files, String reader,
            @TempDir Path root) {
        assertThat(readersOfMrn(PhiWorkspace.report(root, files))).contains(reader);
    }

    @Test
    void aDerivedTableColumnComputedFromNoProtectedColumnReadsNothing(@TempDir Path root) {
        assertThat(readersOfMrn(PhiWorkspace.report(root, Map.of(VIEW, DERIVED))))
                .noneMatch(reader -> reader.contains("mrn_dt.patient_id"));
    }

    @Test
    void everyFormatListsTheDerivedTableField(@TempDir Path root) throws Exception {
        PhiReport report = PhiWorkspace.report(root, Map.of(VIEW, DERIVED));
        assertThat(PhiReportFormat.TEXT.write(report)).contains("patients.mrn  identifier"
                + "  (stories/patients/schema/phi.toml:2:1)\n"
                + "  treatment: dev=pseudonymize prod=allow\n"
                + "  field     mrn_dt.medical_record                    " + VIEW + ":10:3\n");
        JsonNode mrn = new ObjectMapper().readTree(PhiReportFormat.JSON.write(report))
                .get("columns").get(3);
        assertThat(mrn.get("column").asText()).isEqualTo("mrn");
        assertThat(mrn.get("readers").get(0).toString()).isEqualTo("{\"kind\":\"field\","
                + "\"name\":\"mrn_dt.medical_record\",\"at\":\"" + VIEW + ":10:3\","
                + "\"environments\":[\"dev\",\"prod\"]}");
        assertThat(PhiReportFormat.CSV.write(report).lines()).contains(
                "patients,mrn,identifier,stories/patients/schema/phi.toml:2:1,dev,pseudonymize,"
                        + "field,mrn_dt.medical_record," + VIEW + ":10:3");
    }

    private static List<String> readersOfMrn(PhiReport report) {
        return report.rows().stream()
                .filter(row -> row.column().qualifiedName().equals("patients.mrn"))
                .flatMap(row -> row.readers().stream())
                .map(r -> r.kind() + " " + r.name() + " " + r.at() + " " + r.environments())
                .toList();
    }
}
