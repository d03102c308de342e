package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attempts to get a protected column past a development environment's policy through LookML and
 * dashboards, one per row. Each is caught at its line: an error with its code, or, where storyc
 * can treat the read, the treatment in the output at that line. The rows of derived tables, ETL
 * scripts and schema scripts are in {@link PhiSqlSmugglingRows}.
 */
class PhiSmugglingTest {
    static final String VIEW = "views/smuggle.view.lkml";
    static final String EXPLORE = "explores/smuggle.explore.lkml";
    static final String DASHBOARD = "dashboards/smuggle.dashboard.lookml";
    static final String TREATED = "treated";

    static Stream<Arguments> attempts() {
        return Stream.concat(lookml(), PhiSqlSmugglingRows.rows());
    }

    static Stream<Arguments> lookml() {
        return Stream.of(
                row("alias: the view's name as a table alias", VIEW, """
                        view: +patients {
                          dimension: mrn_alias {
                            sql: patients.mrn ;;
                          }
                        }
                        """, "E1120", 3),
                row("alias, quoted", VIEW, """
                        view: +patients {
                          dimension: mrn_alias {
                            sql: "patients"."mrn" ;;
                          }
                        }
                        """, "E1120", 3),
                row("alias: schema.table.column", VIEW, """
                        view: +patients {
                          dimension: mrn_alias {
                            sql: analytics.patients.mrn ;;
                          }
                        }
                        """, "E1120", 3),
                row("alias of a subquery", VIEW, """
                        view: +visits {
                          dimension: patient_mrn {
                            sql: (SELECT p.mrn FROM analytics.patients p WHERE p.patient_id = ${patient_id}) ;;
                          }
                        }
                        """, "E1120", 3),
                row("the view's table through ${view.SQL_TABLE_NAME}", VIEW, """
                        view: +visits {
                          dimension: patient_mrn {
                            sql: (SELECT ${patients.SQL_TABLE_NAME}.mrn LIMIT 1) ;;
                          }
                        }
                        """, "E1120", 3),
                row("bare column", VIEW, """
                        view: +patients {
                          dimension: mrn_bare {
                            sql: mrn ;;
                          }
                        }
                        """, "E1120", 3),
                row("concatenation with a bare column", VIEW, """
                        view: +patients {
                          dimension: label {
                            type: string
                            sql: 'MRN ' || mrn ;;
                          }
                        }
                        """, "E1120", 4),
                row("concatenation with an alias", VIEW, """
                        view: +patients {
                          dimension: label {
                            sql: ${TABLE}.patient_id || ':' || patients.last_name ;;
                          }
                        }
                        """, "E1120", 3),
                row("${dim} chain to a raw helper", VIEW, """
                        view: +patients {
                          dimension: raw_helper {
                            hidden: yes
                            sql: "patients".birth_date ;;
                          }
                          dimension: shown {
                            sql: ${raw_helper} ;;
                          }
                        }
                        """, "E1120", 7),
                row("${view.dim} chain from another view", VIEW, """
                        view: +patients {
                          dimension: raw_helper {
                            hidden: yes
                            sql: patients.first_name ;;
                          }
                        }
                        view: +visits {
                          dimension: patient_name {
                            sql: ${patients.raw_helper} ;;
                          }
                        }
                        """, "E1120", 9),
                row("sql_distinct_key reads the column raw", VIEW, """
                        view: +patients {
                          measure: distinct_patients {
                            type: count_distinct
                            sql: ${TABLE}.patient_id ;;
                            sql_distinct_key: ${TABLE}.mrn ;;
                          }
                        }
                        """, "E1120", 5),
                row("Liquid {{ value }} of a masked field beside a raw one", VIEW, """
                        view: +patients {
                          dimension: raw_mrn {
                            hidden: yes
                            sql: patients.mrn ;;
                          }
                          dimension: mrn_card {
                            sql: ${mrn} ;;
                            html: {{ value }} ({{ patients.raw_mrn._value }}) ;;
                          }
                        }
                        """, "E1122", 8),
                row("Liquid row[] of a raw field", VIEW, """
                        view: +patients {
                          dimension: raw_name {
                            hidden: yes
                            sql: patients.last_name ;;
                          }
                          dimension: card {
                            sql: ${patient_id} ;;
                            html: <b>{{ row['patients.raw_name'] }}</b> ;;
                          }
                        }
                        """, "E1122", 8),
                row("Liquid in a link's url", VIEW, """
                        view: +patients {
                          dimension: raw_mrn {
                            hidden: yes
                            sql: patients.mrn ;;
                          }
                          dimension: chart {
                            sql: ${patient_id} ;;
                            link: {
                              label: "EHR"
                              url: "https://ehr.example/chart?mrn={{ patients.raw_mrn._value }}"
                            }
                          }
                        }
                        """, "E1122", 10),
                row("explore sql_on through the alias", EXPLORE, """
                        explore: visits {
                          join: patients {
                            relationship: many_to_one
                            sql_on: ${visits.patient_id} = ${patients.patient_id} AND patients.mrn IS NOT NULL ;;
                          }
                        }
                        """, "E1120", 4),
                row("explore sql_always_where with a literal MRN", EXPLORE, """
                        explore: patient_lookup {
                          from: patients
                          view_name: patients
                          sql_always_where: ${patients.mrn} = 'MRN0001' ;;
                        }
                        """, "E1121", 4),
                row("explore always_filter with a literal MRN", EXPLORE, """
                        explore: patient_lookup {
                          from: patients
                          view_name: patients
                          always_filter: {
                            filters: [patients.mrn: "MRN0001"]
                          }
                        }
                        """, "E1121", 5),
                row("filtered measure with a literal name", VIEW, """
                        view: +patients {
                          measure: adas {
                            type: count
                            filters: [full_name: "Ada Lovelace"]
                          }
                        }
                        """, "E1121", 4),
                row("dashboard filter default holding an MRN", DASHBOARD, """
                        - dashboard: smuggle
                          title: Smuggle
                          filters:
                          - name: MRN
                            type: field_filter
                            model: <% env.model %>
                            explore: patients
                            field: patients.mrn
                            default_value: MRN0001
                          elements: []
                        """, "E1121", 9),
                row("dashboard filter default holding a birth date", DASHBOARD, """
                        - dashboard: smuggle
                          title: Smuggle
                          filters:
                          - name: Born
                            type: field_filter
                            model: <% env.model %>
                            explore: patients
                            field: patients.birth_date
                            default_value: "1958-12-10"
                          elements: []
                        """, "E1121", 9),
                row("dashboard tile filter holding a name", DASHBOARD, """
                        - dashboard: smuggle
                          title: Smuggle
                          elements:
                          - name: one_patient
                            model: <% env.model %>
                            explore: patients
                            type: single_value
                            fields: [patients.count]
                            filters:
                              patients.full_name: Ada Lovelace
                        """, "E1121", 10),
                row("a second view over the table", VIEW, """
                        view: patients_again {
                          sql_table_name: analytics.patients ;;
                          dimension: id {
                            primary_key: yes
                            sql: ${TABLE}.patient_id ;;
                          }
                          dimension: record_number {
                            sql: ${TABLE}.mrn ;;
                          }
                        }
                        """, TREATED, 8),
                row("a view that extends the patients view", VIEW, """
                        view: patients_extended {
                          extends: [patients]
                          dimension: record_number {
                            sql: ${TABLE}.mrn ;;
                          }
                        }
                        """, TREATED, 4),
                row("upper-case and quoted column names", VIEW, """
                        view: +patients {
                          dimension: mrn_upper {
                            sql: ${TABLE}.MRN || ${TABLE}."mrn" ;;
                          }
                        }
                        """, TREATED, 3),
                row("an aggregate over the column", VIEW, """
                        view: +patients {
                          measure: last_mrn {
                            type: string
                            sql: MAX(${TABLE}.mrn) ;;
                          }
                        }
                        """, TREATED, 4));
    }

    static Arguments row(String name, String path, String text, String expected, int line) {
        return Arguments.of(name, path, text, expected, line, Map.of());
    }

    /** A row whose file needs others beside it: an ETL script its job, a deploy its revert. */
    static Arguments row(String name, String path, String text, Map<String, String> beside,
            String expected, int line) {
        return Arguments.of(name, path, text, expected, line, beside);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void isCaughtAtItsLine(String name, String path, String text, String expected, int line,
            Map<String, String> beside, @TempDir Path root) {
        String file = "stories/patients/" + path;
        Map<String, String> files = new java.util.HashMap<>(Map.of(file, text));
        beside.forEach((besidePath, besideText) -> files.put("stories/patients/" + besidePath,
                besideText));
        Result<CompiledEnvironment> dev = PhiWorkspace.compile(root, files, "dev");
        List<Diagnostic> phi = dev.diagnostics().stream().filter(d -> d.code().id().startsWith("E11")).toList();
        if (expected.equals(TREATED)) {
            assertThat(phi).as("%s", dev.diagnostics()).isEmpty();
            String output = dev.get().tree().texts().entrySet().stream()
                    .filter(e -> e.getKey().endsWith(path.substring(path.indexOf('/') + 1)))
                    .findFirst().orElseThrow().getValue();
            assertThat(output.lines().toList().get(line - 1)).contains("LEFT(MD5('")
                    .contains(" AS VARCHAR)), 16)");
            return;
        }
        assertThat(phi).as("%s: %s", name, dev.diagnostics())
                .anySatisfy(d -> {
                    assertThat(d.code().id()).isEqualTo(expected);
                    assertThat(d.position().file() + ":" + d.position().line()).isEqualTo(file + ":" + line);
                    assertThat(d.related()).anySatisfy(r -> assertThat(r.position().file())
                            .isEqualTo("stories/patients/schema/phi.toml"));
                });
        Result<CompiledEnvironment> prod = PhiWorkspace.compile(root, files, "prod");
        assertThat(prod.diagnostics()).as("production allows every class")
                .noneSatisfy(d -> assertThat(d.code().id()).startsWith("E11"));
    }
}
