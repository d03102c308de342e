package dev.storyc.check;

import static dev.storyc.check.SeededDefects.*;

import java.util.stream.Stream;

/** Seeded defects a SQL validator or the workspace rules find: columns, tables, requires, reverts, the model (E0626 onwards). */
final class SchemaDefectRows {
    private SchemaDefectRows() {}

    static Stream<Case> rows() {
        return Stream.of(
                // E0626: ${TABLE}.column against the schema scripts in plan order
                defect(
                        "E0626",
                        E,
                        "sql: ${TABLE}.admitted_at ;;",
                        "sql: ${TABLE}.admited_at ;;",
                        "admited_at"),
                defect(
                        "E0626",
                        C,
                        "sql: ${TABLE}.billed_amount ;;",
                        "sql: ${TABLE}.billed_amt ;;",
                        "billed_amt"),
                defect(
                        "E0626",
                        P,
                        "sql: ${TABLE}.zip3 ;;",
                        "sql: ${TABLE}.zip ;;",
                        "${TABLE}.zip ;;"),
                defect(
                        "E0626",
                        A,
                        "sql: ${TABLE}.lead_time_days ;;",
                        "sql: ${TABLE}.lead_time ;;",
                        "lead_time ;;"),
                defect(
                        "E0626",
                        G,
                        "sql: ${TABLE}.measure_name ;;",
                        "sql: ${TABLE}.\"Measure_Name\" ;;",
                        "\"Measure_Name\""),
                defectAt(
                        "E0626",
                        E,
                        "sql: ${TABLE}.facility_id ;;",
                        append(
                                EDEPLOY,
                                ");\n",
                                "\n"
                                    + "ALTER TABLE <% env.warehouse.schema %>.encounters DROP"
                                    + " COLUMN facility_id;\n")),
                defectAt(
                        "E0626",
                        E,
                        "sql: ${TABLE}.provider_id ;;",
                        append(
                                EDEPLOY,
                                ");\n",
                                "\n"
                                    + "ALTER TABLE <% env.warehouse.schema %>.encounters RENAME"
                                    + " COLUMN provider_id TO rendering_provider_id;\n")),
                defectAt(
                        "E0626",
                        E,
                        "${TABLE}.home_state",
                        append(
                                EDEPLOY,
                                ");\n",
                                "\n"
                                    + "CREATE VIEW <% env.warehouse.schema %>.open_encounters AS"
                                    + " SELECT encounter_id, patient_id AS person FROM <%"
                                    + " env.warehouse.schema %>.encounters;\n"),
                        append(
                                EREVERT,
                                "",
                                "DROP VIEW IF EXISTS <% env.warehouse.schema"
                                    + " %>.open_encounters;\n"),
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: open_encounters {\n"
                                    + "  sql_table_name: <% env.warehouse.schema %>.open_encounters"
                                    + " ;;\n"
                                    + "  dimension: state { sql: ${TABLE}.home_state ;; }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n")),
                // E0628: tables of ETL and derived-table SQL
                defect(
                        "E0628",
                        PSQL,
                        "INSERT INTO <% env.warehouse.schema %>.patients (",
                        "INSERT INTO <% env.warehouse.schema %>.patientz (",
                        "patientz"),
                defect(
                        "E0628",
                        ASQL,
                        "FROM <% env.variables.raw_schema %>.sched_appointments AS a\n",
                        "FROM <% env.variables.raw_schema %>.sched_appointments AS a\n"
                            + "JOIN <% env.warehouse.schema %>.patient AS p"
                            + " ON p.patient_id = a.patient_id\n",
                        ".patient AS"),
                defect(
                        "E0628",
                        CSQL,
                        "JOIN <% env.variables.raw_schema %>.claim_lines AS l",
                        "JOIN <% env.warehouse.schema %>.claim_lines AS l",
                        ".claim_lines AS l"),
                defect(
                        "E0628",
                        CSQL,
                        "FROM <% env.variables.raw_schema %>.claim_headers AS h",
                        "FROM raw_claims.claim_headers AS h",
                        "raw_claims"),
                defect(
                        "E0628",
                        ESQL,
                        "FROM <% env.variables.raw_schema %>.ehr_encounters AS r",
                        "FROM <% env.variables.raw_schema %>.ehr_encounters AS r\n"
                            + "    JOIN analytics.providerz AS pv ON pv.id ="
                            + " r.attending_provider_id",
                        "providerz"),
                defectAt(
                        "E0628",
                        ESQL,
                        "UPDATE <% env.warehouse.schema %>.encountrs",
                        append(
                                ESQL,
                                "WHERE e.version_rank = 1;\n",
                                "\nUPDATE <% env.warehouse.schema %>.encountrs SET"
                                        + " etl_job = 'x';\n")),
                defectAt(
                        "E0628",
                        ESQL,
                        "MERGE INTO <% env.warehouse.schema %>.encounter_log",
                        append(
                                ESQL,
                                "WHERE e.version_rank = 1;\n",
                                "\n"
                                    + "MERGE INTO <% env.warehouse.schema %>.encounter_log AS t"
                                    + " USING <% env.warehouse.schema %>.encounters AS s ON t.id ="
                                    + " s.encounter_id WHEN MATCHED THEN UPDATE SET id ="
                                    + " s.encounter_id;\n")),
                defectAt(
                        "E0628",
                        E,
                        "FROM analytics.encounter_archive",
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: archived_encounters {\n"
                                    + "  derived_table: {\n"
                                    + "    sql: SELECT encounter_id\n"
                                    + "      FROM analytics.encounter_archive ;;\n"
                                    + "  }\n"
                                    + "  dimension: encounter_id { sql: ${TABLE}.encounter_id ;;"
                                    + " }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n")),
                // E0607: sql_table_name, as before
                defect(
                        "E0607",
                        A,
                        "sql_table_name: <% env.warehouse.schema %>.appointments ;;",
                        "sql_table_name: <% env.warehouse.schema %>.apointments ;;",
                        "apointments"),
                // E0629: requires against use, in an environment that includes every story
                defectAt(
                        "E0629",
                        CX,
                        "join: encounters {",
                        edit(
                                CSTORY,
                                "requires = [\"patients\", \"encounters\"]",
                                "requires = [\"patients\"]")),
                // The first use in file order: the ETL SQL reads patients before the explore joins
                // it.
                defectAt(
                        "E0629",
                        GSQL,
                        "FROM <% env.warehouse.schema %>.patients AS p",
                        edit(
                                GSTORY,
                                "requires = [\"patients\", \"encounters\"]",
                                "requires = [\"encounters\"]")),
                defectAt(
                        "E0629",
                        MX,
                        "join: patients {",
                        edit(MSTORY, "requires = [\"patients\"]", "requires = []")),
                defectAt(
                        "E0629",
                        RSQL,
                        "FROM <% env.warehouse.schema %>.claims",
                        edit(
                                RSTORY,
                                "requires = [\"patients\", \"encounters\", \"claims\"]",
                                "requires = [\"patients\", \"encounters\"]")),
                // E0630, E0631: revert scripts
                defectAt(
                        "E0630",
                        EREVERT,
                        "-- nothing to undo",
                        edit(
                                EREVERT,
                                "DROP TABLE IF EXISTS <% env.warehouse.schema %>.encounters;",
                                "-- nothing to undo")),
                defectAt(
                        "E0631",
                        EREVERT,
                        "DROP TABLE IF EXISTS",
                        edit(
                                EREVERT,
                                "<% env.warehouse.schema %>.encounters;",
                                "<% env.warehouse.schema %>.encounter;")),
                // E0628, E0629 for DDL in ETL SQL: dropping the registry, altering another's table
                defectAt(
                        "E0628",
                        GSQL,
                        "DROP TABLE storyc.changes;",
                        append(
                                GSQL,
                                "LEFT JOIN mammograms AS m ON m.patient_id = s.patient_id;",
                                "\nDROP TABLE storyc.changes;")),
                defectAt(
                        "E0629",
                        PSQL,
                        "ALTER TABLE <% env.warehouse.schema %>.encounters",
                        append(
                                PSQL,
                                "WHERE p.is_test_patient = FALSE;",
                                "\nALTER TABLE <% env.warehouse.schema %>.encounters ADD COLUMN x INT;")),
                // E0636: a script that ends the transaction storyc runs it in
                defectAt(
                        "E0636",
                        EDEPLOY,
                        "COMMIT;",
                        append(EDEPLOY, ");\n", "COMMIT;\n")),
                defectAt(
                        "E0636",
                        EREVERT,
                        "  ROLLBACK",
                        append(
                                EREVERT,
                                "DROP TABLE IF EXISTS <% env.warehouse.schema %>.encounters;",
                                "\n-- undo\n  ROLLBACK")),
                defectAt(
                        "E0636",
                        GSQL,
                        "begin transaction;",
                        edit(GSQL, "INSERT INTO", "begin transaction;\nINSERT INTO")),
                // E0902: a merge key the target table does not have, found by check, not by the merge
                defect("E0902", "stories/appointments/etl/load_appointments.job.toml", "key = \"appointment_id\"",
                        "key = \"appointment_idd\"", "key = \"appointment_idd\""),
                // E0913: a data test that is two statements, found by check rather than by storyc test
                defectAt(
                        "E0913",
                        "stories/claims/tests/paid_within_allowed.sql",
                        "DELETE FROM",
                        append("stories/claims/tests/paid_within_allowed.sql",
                                "OR (allowed_amount IS NULL AND paid_amount IS NOT NULL)",
                                ";\nDELETE FROM <% env.warehouse.schema %>.claims WHERE paid_amount IS NULL;\n")),
                // E0907: ETL SQL with nothing to run, found by check rather than at the job's hour
                defectAt(
                        "E0907",
                        GSQL,
                        "-- nothing yet",
                        edit(
                                GSQL,
                                "-- Rebuild the current measurement year,",
                                "-- nothing yet\n/*\n-- Rebuild the current measurement year,"),
                        append(GSQL, "LEFT JOIN mammograms AS m ON m.patient_id = s.patient_id;", "\n*/")),
                // E0907: a script whose last query's rows would be thrown away after a replace
                defectAt(
                        "E0907",
                        ASQL,
                        "SELECT\n",
                        edit(ASQL, "SELECT\n", "SET LOCAL work_mem = '64MB';\nSELECT\n")),
                // E0637: a NUL the warehouse cannot take
                defectAt(
                        "E0637",
                        PDEPLOY,
                        "-- a\u0000b",
                        append(PDEPLOY, ");\n", "-- a\u0000b\n")),
                // E0639: a statement PostgreSQL refuses inside the change's transaction
                defectAt(
                        "E0639",
                        EDEPLOY,
                        "CREATE INDEX CONCURRENTLY",
                        append(EDEPLOY, ");\n", "CREATE INDEX CONCURRENTLY encounters_day\n"
                                + "    ON <% env.warehouse.schema %>.encounters (patient_id);\n")),
                defectAt(
                        "E0639",
                        GSQL,
                        "VACUUM",
                        append(GSQL, "LEFT JOIN mammograms AS m ON m.patient_id = s.patient_id;", "\nVACUUM;")),
                // E0640: what only psql runs, and a comment that swallows the rest of the script
                defectAt(
                        "E0640",
                        EREVERT,
                        "\\echo reverted",
                        append(EREVERT, "DROP TABLE IF EXISTS <% env.warehouse.schema %>.encounters;",
                                "\n\\echo reverted")),
                defectAt(
                        "E0640",
                        PDEPLOY,
                        "/* the rest is not run",
                        append(PDEPLOY, ");\n", "/* the rest is not run\n")),
                // E0626 in a template view: checked over the table of each view that extends it
                defectAt(
                        "E0626",
                        E,
                        "encounter_idd",
                        append(E, "  <%> lkml/audit_timestamps %>\n", "}\n\n"
                                + "view: encounter_keys {\n"
                                + "  extension: required\n"
                                + "  dimension: key { sql: ${TABLE}.encounter_idd ;; }\n"
                                + "}\n\n"
                                + "view: encounter_keys_live {\n"
                                + "  extends: [encounter_keys]\n"
                                + "  sql_table_name: <% env.warehouse.schema %>.encounters ;;\n"
                                + "}\n\n"
                                + "view: +encounters {\n")),
                // A sql_table_name written with a Looker constant, as most real projects write them:
                // storyc knows the constant's value, so the table and its columns are checked
                defectAt(
                        "E0626",
                        P,
                        "${TABLE}.zip ;;",
                        edit(ENV, "[bases.redshift.warehouse]", "[bases.redshift.looker.constants]\n"
                                + "schema = \"${warehouse.schema}\"\n\n[bases.redshift.warehouse]"),
                        edit(P, "sql_table_name: <% env.warehouse.schema %>.patients ;;",
                                "sql_table_name: @{schema}.patients ;;"),
                        edit(P, "sql: ${TABLE}.zip3 ;;", "sql: ${TABLE}.zip ;;")),
                defectAt(
                        "E0607",
                        P,
                        "patiens",
                        edit(ENV, "[bases.redshift.warehouse]", "[bases.redshift.looker.constants]\n"
                                + "schema = \"${warehouse.schema}\"\n\n[bases.redshift.warehouse]"),
                        edit(P, "sql_table_name: <% env.warehouse.schema %>.patients ;;",
                                "sql_table_name: @{schema}.patiens ;;")),
                // E0629: a dashboard field that a refinement in another story adds
                defectAt(
                        "E0629",
                        "stories/appointments/dashboards/appointment_no_shows.dashboard.lookml",
                        "patients.is_adult]",
                        append(E, "  <%> lkml/audit_timestamps %>\n", "}\n\n"
                                + "view: +patients {\n"
                                + "  dimension: is_adult { type: yesno sql: ${age} >= 18 ;; }\n"
                                + "}\n\n"
                                + "view: +encounters {\n"),
                        edit("stories/appointments/dashboards/appointment_no_shows.dashboard.lookml",
                                "fields: [appointments.scheduled_week, appointments.no_show_rate]",
                                "fields: [appointments.scheduled_week, appointments.no_show_rate, patients.is_adult]")),
                // E0641: a column dropped or renamed that is not there at that point of the plan
                defectAt(
                        "E0641",
                        EDEPLOY,
                        "facilty_id",
                        append(EDEPLOY, ");\n", "\nALTER TABLE <% env.warehouse.schema %>.encounters"
                                + " DROP COLUMN facilty_id;\n")),
                // A change of patients drops what encounters, which requires patients, adds: by plan
                // order the change runs first, when the column does not exist yet.
                defectAt(
                        "E0641",
                        PCHANGE + "deploy.sql",
                        "region",
                        append(EDEPLOY, ");\n", "\nALTER TABLE <% env.warehouse.schema %>.patients"
                                + " ADD COLUMN region TEXT;\n"),
                        append(PCHANGE + "deploy.sql", "",
                                "ALTER TABLE <% env.warehouse.schema %>.patients DROP COLUMN region;\n"),
                        append(PCHANGE + "revert.sql", "",
                                "ALTER TABLE <% env.warehouse.schema %>.patients ADD COLUMN region TEXT;\n")),
                // E0632-E0635: the workspace model, both ways
                defect(
                        "E0632",
                        MX,
                        "required_access_grants: [beta_explores]",
                        "required_access_grants: [beta_explore]",
                        "[beta_explore]"),
                defect(
                        "E0633",
                        MODEL,
                        "persist_with: nightly_load",
                        "persist_with: nightly_laod",
                        "nightly_laod"),
                defect(
                        "E0633",
                        MX,
                        "required_access_grants: [beta_explores]\n",
                        "required_access_grants: [beta_explores]\n  persist_with: nightly\n",
                        "persist_with: nightly"),
                defect(
                        "E0634",
                        MODEL,
                        "persist_with: nightly_load",
                        "persist_with: nightly_load\n" + "connection: \"warehouse\"",
                        "connection:"),
                defectAt(
                        "E0635",
                        MODEL,
                        "access_grant: beta_explores",
                        edit(MX, "  required_access_grants: [beta_explores]\n", "")),
                defect(
                        "E0609",
                        E,
                        "view: encounters {",
                        "access_grant: x {\n  user_attribute: y\n}\n\n" + "view: encounters {",
                        "access_grant: x {"),
                // E0601: a join's from names no view
                defect(
                        "E0601",
                        EX,
                        "  join: patients {\n",
                        "  join: patients {\n    from: patient\n",
                        "from: patient\n"));
    }
}
