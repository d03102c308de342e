package dev.storyc.phi;

import static dev.storyc.phi.PhiSmugglingTest.TREATED;
import static dev.storyc.phi.PhiSmugglingTest.row;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The SQL rows of {@link PhiSmugglingTest}: attempts to copy {@code patients.mrn} (an identifier,
 * pseudonymized in development) into another table through an ETL job, a schema script or a
 * derived table. Where storyc can follow the value, the compiled SQL carries the treatment at the
 * row's line (and the proof finds nothing raw); where it cannot, the row's line has the error.
 */
final class PhiSqlSmugglingRows {
    static final String ETL = "etl/smuggle.sql";
    static final String VIEW = "views/smuggle.view.lkml";
    static final String DEPLOY = "schema/deploy.sql";

    /** The job that runs {@link #ETL}, loading the unclassified {@code visits} table. */
    static final Map<String, String> JOB = Map.of("etl/smuggle.job.toml", """
            target = "<% env.warehouse.schema %>.visits"
            schedule = "0 1 * * *"
            sql = "smuggle.sql"
            source = "the patients table"
            """);

    /** The example's patients tables, then a line that copies a protected column. */
    static String deploy(String extra) {
        return PhiWorkspace.BASE.get("stories/patients/schema/deploy.sql") + extra;
    }

    /** A revert that drops what {@link #deploy} adds as well. */
    static Map<String, String> revert(String relation) {
        return Map.of("schema/revert.sql", "DROP " + relation + ";\n"
                + PhiWorkspace.BASE.get("stories/patients/schema/revert.sql"));
    }

    private PhiSqlSmugglingRows() {}

    static Stream<Arguments> rows() {
        return Stream.of(
                row("ETL INSERT ... SELECT into another table", ETL, """
                        INSERT INTO analytics.visits (visit_id, patient_id)
                        SELECT p.patient_id,
                               p.mrn
                        FROM analytics.patients p;
                        """, JOB, TREATED, 3),
                row("ETL query loaded by name, through an alias", ETL, """
                        SELECT p.patient_id AS visit_id,
                               p.mrn AS patient_id
                        FROM analytics.patients p
                        """, JOB, TREATED, 2),
                row("table alias without AS, unqualified column", ETL, """
                        SELECT pt.patient_id AS visit_id,
                               mrn AS patient_id
                        FROM analytics.patients pt
                        """, JOB, TREATED, 2),
                row("a CTE renames the column", ETL, """
                        WITH ids AS (
                            SELECT patient_id, mrn AS member FROM analytics.patients
                        )
                        INSERT INTO analytics.visits (visit_id, patient_id)
                        SELECT ids.patient_id, ids.member FROM ids;
                        """, JOB, TREATED, 2),
                row("nested subqueries", ETL, """
                        SELECT s.id AS visit_id, s.m AS patient_id
                        FROM (SELECT t.id, t.m
                              FROM (SELECT patient_id AS id,
                                           mrn AS m
                                    FROM analytics.patients) t) s
                        """, JOB, TREATED, 4),
                row("concatenation", ETL, """
                        SELECT p.patient_id AS visit_id,
                               'MRN ' || p.mrn AS patient_id
                        FROM analytics.patients p
                        """, JOB, TREATED, 2),
                row("CASE", ETL, """
                        SELECT p.patient_id AS visit_id,
                               CASE WHEN p.mrn LIKE 'MRN%' THEN p.mrn ELSE 'none' END AS patient_id
                        FROM analytics.patients p
                        """, JOB, TREATED, 2),
                row("COALESCE", ETL, """
                        SELECT p.patient_id AS visit_id,
                               COALESCE(p.mrn, p.patient_id) AS patient_id
                        FROM analytics.patients p
                        """, JOB, TREATED, 2),
                row("casts", ETL, """
                        SELECT p.patient_id AS visit_id,
                               CAST(p.mrn AS VARCHAR(32)) || p.mrn::text AS patient_id
                        FROM analytics.patients p
                        """, JOB, TREATED, 2),
                row("UNION: the second branch", ETL, """
                        SELECT v.visit_id, v.patient_id FROM analytics.visits v
                        UNION ALL
                        SELECT p.patient_id, p.mrn FROM analytics.patients p
                        """, JOB, TREATED, 3),
                row("INSERT ... VALUES from a scalar subquery", ETL, """
                        INSERT INTO analytics.visits (visit_id, patient_id)
                        VALUES ('v1', (SELECT mrn FROM analytics.patients LIMIT 1));
                        """, JOB, TREATED, 2),
                row("UPDATE ... SET from the table", ETL, """
                        UPDATE analytics.visits v
                        SET patient_id = p.mrn
                        FROM analytics.patients p
                        WHERE p.patient_id = v.patient_id;
                        """, JOB, TREATED, 2),
                row("CREATE TABLE AS in a schema change", DEPLOY, deploy("""
                        CREATE TABLE <% env.warehouse.schema %>.patient_copy AS
                        SELECT p.patient_id, p.mrn FROM <% env.warehouse.schema %>.patients p;
                        """), revert("TABLE <% env.warehouse.schema %>.patient_copy"), TREATED, 13),
                row("a view in a schema change", DEPLOY, deploy("""
                        CREATE VIEW <% env.warehouse.schema %>.patient_ids AS
                        SELECT p.patient_id, p.mrn AS record_number
                        FROM <% env.warehouse.schema %>.patients p;
                        """), revert("VIEW <% env.warehouse.schema %>.patient_ids"), TREATED, 13),
                row("a derived table", VIEW, """
                        view: smuggled {
                          derived_table: {
                            sql: SELECT p.patient_id, p.mrn
                                 FROM analytics.patients p ;;
                          }
                          dimension: patient_id {
                            primary_key: yes
                            sql: ${TABLE}.patient_id ;;
                          }
                          dimension: record_number {
                            sql: ${TABLE}.mrn ;;
                          }
                        }
                        """, Map.of(), TREATED, 3),
                row("a column-alias list renames the column", ETL, """
                        SELECT t.pid AS visit_id,
                               t.m AS patient_id
                        FROM analytics.patients AS t (pid, m)
                        """, JOB, TREATED, 2),
                row("a partial column-alias list without AS, read unqualified", ETL, """
                        SELECT t.pid AS visit_id,
                               mrn AS patient_id
                        FROM analytics.patients t (pid)
                        """, JOB, TREATED, 2),
                row("a derived table with a column-alias list", VIEW, """
                        view: smuggled {
                          derived_table: {
                            sql: SELECT t.pid AS patient_id, t.m AS medical_record
                                 FROM analytics.patients AS t (pid, m) ;;
                          }
                          dimension: patient_id {
                            primary_key: yes
                            sql: ${TABLE}.patient_id ;;
                          }
                          dimension: medical_record {
                            sql: ${TABLE}.medical_record ;;
                          }
                        }
                        """, Map.of(), TREATED, 3),
                row("SELECT * into another table", ETL, """
                        INSERT INTO analytics.visits
                        SELECT *
                        FROM analytics.patients;
                        """, JOB, "E1130", 2),
                row("t.* in CREATE TABLE AS", ETL, """
                        CREATE TABLE analytics.everything AS
                        SELECT p.*
                        FROM analytics.patients p;
                        """, JOB, "E1130", 2),
                row("t.* inside a function", ETL, """
                        SELECT p.patient_id AS visit_id,
                               CAST(to_json(p.*) AS TEXT) AS patient_id
                        FROM analytics.patients p
                        """, JOB, "E1130", 2),
                row("a bare alias is the whole row", ETL, """
                        SELECT p.patient_id AS visit_id,
                               CAST(p AS TEXT) AS patient_id
                        FROM analytics.patients p
                        """, JOB, "E1130", 2),
                row("a bare table name is the whole row, in a function", ETL, """
                        SELECT patients.patient_id AS visit_id,
                               row_to_json(patients)::text AS patient_id
                        FROM analytics.patients
                        """, JOB, "E1130", 2),
                row("a function storyc does not know", ETL, """
                        SELECT p.patient_id AS visit_id,
                               reveal(p.mrn) AS patient_id
                        FROM analytics.patients p
                        """, JOB, "E1131", 2),
                row("COPY of a classified table", ETL, """
                        DELETE FROM analytics.visits;
                        COPY analytics.patients TO STDOUT;
                        """, JOB, "E1132", 2),
                row("dynamic SQL", ETL, """
                        DO $$ BEGIN
                          EXECUTE 'INSERT INTO analytics.visits'
                            || ' SELECT patient_id, mrn FROM analytics.patients';
                        END $$;
                        """, JOB, "E1132", 1),
                row("a derived table with SELECT *", VIEW, """
                        view: smuggled {
                          derived_table: {
                            sql: SELECT *
                                 FROM analytics.patients ;;
                          }
                          dimension: patient_id {
                            primary_key: yes
                            sql: ${TABLE}.patient_id ;;
                          }
                        }
                        """, Map.of(), "E1130", 3),
                row("a derived table over ${view.SQL_TABLE_NAME}", VIEW, """
                        view: smuggled {
                          derived_table: {
                            sql: SELECT x.patient_id,
                                        x.mrn
                                 FROM ${patients.SQL_TABLE_NAME} AS x ;;
                          }
                          dimension: patient_id {
                            primary_key: yes
                            sql: ${TABLE}.patient_id ;;
                          }
                        }
                        """, Map.of(), TREATED, 4),
                row("a recursive CTE storyc cannot follow", ETL, """
                        WITH RECURSIVE chain (id, m) AS (
                            SELECT patient_id, mrn FROM analytics.patients
                            UNION ALL
                            SELECT c.id, c.m FROM chain c WHERE FALSE
                        )
                        SELECT chain.id AS visit_id, chain.m AS patient_id FROM chain
                        """, JOB, "E1133", 1),
                row("a column-alias list storyc cannot line up", ETL, """
                        SELECT t.pid AS visit_id,
                               t.m AS patient_id
                        FROM analytics.patients AS t (pid, m, a, b, c, d)
                        """, JOB, "E1133", 3),
                row("a classified table loaded through a star", ETL, """
                        INSERT INTO analytics.patients
                        SELECT * FROM analytics.visits;
                        """, JOB, "E1134", 1));
    }
}
