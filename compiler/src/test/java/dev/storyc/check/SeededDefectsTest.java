package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seeded-defect corpus: single mutations of the example workspace, each the kind of mistake
 * Looker's validator or a SQL validator finds, and each asserted by code and template file:line;
 * and valid but tricky changes (view_name, from, refinements, extends, Liquid, ALL_FIELDS*) that
 * must stay clean. The expected line is the line of the mutated file that holds a needle, so a
 * reader sees what is reported without counting lines.
 *
 * <p>Every case runs {@code storyc -v check --format json} on the environment that includes every
 * story (or the one named), on one copy of the workspace that each case edits and restores.
 */
class SeededDefectsTest {
    static final Map<String, String> SECRETS = ExampleWorkspaceChecksTest.SECRETS;
    static final String P = "stories/patients/views/patients.view.lkml";
    static final String PX = "stories/patients/explores/patients.explore.lkml";
    static final String PD = "stories/patients/dashboards/patient_overview.dashboard.lookml";
    static final String PSQL = "stories/patients/etl/load_patients.sql";
    static final String PDEPLOY = "stories/patients/schema/deploy.sql";
    static final String E = "stories/encounters/views/encounters.view.lkml";
    static final String EX = "stories/encounters/explores/encounters.explore.lkml";
    static final String EDEPLOY = "stories/encounters/schema/deploy.sql";
    static final String EREVERT = "stories/encounters/schema/revert.sql";
    static final String ESQL = "stories/encounters/etl/load_encounters.sql";
    static final String C = "stories/claims/views/claims.view.lkml";
    static final String CX = "stories/claims/explores/claims.explore.lkml";
    static final String CSQL = "stories/claims/etl/load_claims.sql";
    static final String CSTORY = "stories/claims/story.toml";
    static final String A = "stories/appointments/views/appointments.view.lkml";
    static final String ASQL = "stories/appointments/etl/load_appointments.sql";
    static final String G = "stories/care-gaps/views/care_gaps.view.lkml";
    static final String GX = "stories/care-gaps/explores/care_gaps.explore.lkml";
    static final String GSQL = "stories/care-gaps/etl/build_care_gaps.sql";
    static final String GSTORY = "stories/care-gaps/story.toml";
    static final String MX = "stories/medication-adherence/explores/medication_pdc.explore.lkml";
    static final String MSTORY = "stories/medication-adherence/story.toml";
    static final String RSTORY = "stories/research-extract/story.toml";
    static final String RSQL = "stories/research-extract/etl/build_research_cohort.sql";
    static final String MODEL = "model/warehouse.lkml";
    static final String ENV = "environments.toml";
    static final String ALL = "integration";

    private static Path workspace;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One text replacement in one file of the workspace. */
    record Edit(String file, String from, String to) {}

    /**
     * A case: the edits, and the code expected at the line of {@code needle} in {@code reportFile}.
     */
    record Case(
            String code, List<Edit> edits, String reportFile, String needle, String environment) {
        @Override
        public String toString() {
            return code + " " + reportFile + " `" + needle.strip() + "`";
        }
    }

    static Case defect(String code, String file, String from, String to, String needle) {
        return new Case(code, List.of(new Edit(file, from, to)), file, needle, ALL);
    }

    static Case defectAt(String code, String reportFile, String needle, Edit... edits) {
        return new Case(code, List.of(edits), reportFile, needle, ALL);
    }

    static Edit edit(String file, String from, String to) {
        return new Edit(file, from, to);
    }

    static Edit append(String file, String anchor, String text) {
        return new Edit(file, anchor, anchor + text);
    }

    static Stream<Case> defects() {
        return Stream.of(
                // E0620: ${...} in sql, sql_on, html, links
                defect(
                        "E0620",
                        E,
                        "sql: ${length_of_stay_days} ;;",
                        "sql: ${length_of_stay_dayz} ;;",
                        "${length_of_stay_dayz}"),
                defect(
                        "E0620",
                        EX,
                        "${patients.patient_id}",
                        "${patient.patient_id}",
                        "${patient.patient_id}"),
                defect(
                        "E0620",
                        EX,
                        "${patients.patient_id}",
                        "${patients.patient_idd}",
                        "patient_idd"),
                defect(
                        "E0620",
                        EX,
                        "${encounters.patient_id}",
                        "${encounters.patient}",
                        "${encounters.patient}"),
                defect(
                        "E0620",
                        P,
                        "    sql: ${age} ;;\n  }\n\n  dimension: sex",
                        "    sql: ${agee} ;;\n  }\n\n" + "  dimension: sex",
                        "${agee}"),
                defect(
                        "E0620",
                        C,
                        "sql: 1.0 * ${total_paid}",
                        "sql: 1.0 * ${total_payd}",
                        "${total_payd}"),
                defect(
                        "E0620",
                        A,
                        "sql: ${lead_time_days} ;;",
                        "sql: ${lead_time_dayz} ;;",
                        "lead_time_dayz"),
                defect(
                        "E0620",
                        GX,
                        "${care_gaps.patient_id}",
                        "${care_gaps.patient_idx}",
                        "patient_idx"),
                defect(
                        "E0620",
                        CX,
                        "${claims.encounter_id} = ${encounters.encounter_id}",
                        "${claims.encounter_id} = ${encounter.encounter_id}",
                        "${encounter.encounter_id}"),
                defect(
                        "E0620",
                        E,
                        "url: \"https://www.icd10data.com/search?s={{ value | url_encode }}\"",
                        "url: \"https://www.icd10data.com/search?s=${primary_dx_cod}\"",
                        "${primary_dx_cod}"),
                defect(
                        "E0620",
                        C,
                        "{% if value == 'denied' %}",
                        "{% if value == 'denied' %}${claim_statuss}",
                        "${claim_statuss}"),
                defect(
                        "E0620",
                        E,
                        "sql: LEFT(${TABLE}.primary_dx_code, 3) ;;",
                        "sql: LEFT(${primary_dx}, 3) ;;",
                        "${primary_dx}"),
                defect(
                        "E0620",
                        E,
                        "sql: ${patient_id} ;;",
                        "sql: ${patients.patient_idd} ;;",
                        "patient_idd"),
                defect(
                        "E0620",
                        EX,
                        "    relationship: many_to_one\n",
                        "    relationship: many_to_one\n"
                                + "    sql_where: ${patients.is_deceasd} = FALSE ;;\n",
                        "is_deceasd"),
                defect(
                        "E0620",
                        E,
                        "sql: ${patient_id} ;;",
                        "sql: ${admitted_dat} ;;",
                        "${admitted_dat}"),
                // E0621: field lists, sets, filters, order_by_field
                defect(
                        "E0621",
                        E,
                        "facility_id, primary_dx_code]",
                        "facility_id, primary_dx_cod]",
                        "primary_dx_cod]"),
                defect(
                        "E0621",
                        E,
                        "  drill_fields: [encounter_detail*]\n\n  dimension: encounter_id",
                        "  drill_fields: [encounter_detial*]\n\n  dimension: encounter_id",
                        "encounter_detial*"),
                defect(
                        "E0621",
                        E,
                        "    type: count\n    filters: [is_inpatient: \"yes\"]",
                        "    type: count\n    filters: [is_inpatiant: \"yes\"]",
                        "is_inpatiant"),
                defect(
                        "E0621",
                        C,
                        "payer_name, claim_status, billed_amount",
                        "payer_name, claim_statu, billed_amount",
                        "claim_statu,"),
                defect(
                        "E0621",
                        C,
                        "[claim_id, service_date,",
                        "[claim_id, service_dat,",
                        "service_dat,"),
                defect(
                        "E0621",
                        P,
                        "fields: [patient_id, full_name, mrn, age,",
                        "fields: [patient_id, full_nam, mrn, age,",
                        "full_nam,"),
                defect(
                        "E0621",
                        PX,
                        "  label: \"Patients\"\n",
                        "  label: \"Patients\"\n  fields: [patients.mrnn]\n",
                        "patients.mrnn"),
                defect(
                        "E0621",
                        PX,
                        "  label: \"Patients\"\n",
                        "  label: \"Patients\"\n  fields: [count]\n",
                        "fields: [count]"),
                defect(
                        "E0621",
                        EX,
                        "    relationship: many_to_one\n",
                        "    relationship: many_to_one\n" + "    fields: [patient_detial*]\n",
                        "patient_detial*"),
                defect(
                        "E0621",
                        EX,
                        "    relationship: many_to_one\n",
                        "    relationship: many_to_one\n" + "    fields: [agee]\n",
                        "[agee]"),
                defect(
                        "E0621",
                        E,
                        "    sql: ${TABLE}.encounter_type ;;\n  }\n\n  dimension: is_inpatient",
                        "    sql: ${TABLE}.encounter_type ;;\n"
                            + "    required_fields: [encounter_typ]\n"
                            + "  }\n\n"
                            + "  dimension: is_inpatient",
                        "[encounter_typ]"),
                defect(
                        "E0621",
                        P,
                        "    sql: CASE ${TABLE}.sex WHEN",
                        "    order_by_field: sex_sortt\n" + "    sql: CASE ${TABLE}.sex WHEN",
                        "sex_sortt"),
                defect(
                        "E0621",
                        E,
                        "    drill_fields: [encounter_detail*]\n  }\n\n  measure: patient_count",
                        "    drill_fields: [ALL_FIELDS*]\n  }\n\n  measure: patient_count",
                        "ALL_FIELDS*"),
                defect(
                        "E0621",
                        E,
                        "    drill_fields: [encounter_detail*]\n  }\n\n  measure: patient_count",
                        "    drill_fields: [patients.agee]\n  }\n\n  measure: patient_count",
                        "patients.agee"),
                defect(
                        "E0621",
                        E,
                        "    drill_fields: [encounter_detail*]\n  }\n\n  measure: patient_count",
                        "    drill_fields: [patient.age]\n  }\n\n  measure: patient_count",
                        "patient.age"),
                defect(
                        "E0621",
                        EX,
                        "  label: \"Encounters\"\n",
                        "  label: \"Encounters\"\n"
                                + "  always_filter: { filters: [patients.statee: \"CA\"] }\n",
                        "patients.statee"),
                defect(
                        "E0621",
                        EX,
                        "  label: \"Encounters\"\n",
                        "  label: \"Encounters\"\n" + "  fields: [ALL_FIELDS*, -patients.mrm]\n",
                        "-patients.mrm"),
                defect(
                        "E0621",
                        EX,
                        "  label: \"Encounters\"\n",
                        "  label: \"Encounters\"\n" + "  fields: [encounters.encounter_detial*]\n",
                        "encounter_detial"),
                // E0622: timeframes and intervals
                defect(
                        "E0622",
                        E,
                        "timeframes: [raw, time, date, week, month, quarter, year]",
                        "timeframes: [raw, time, date, weeek, month, quarter, year]",
                        "weeek"),
                defectAt(
                        "E0622",
                        E,
                        "intervals: [dayz]",
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "\n"
                                    + "  dimension_group: stay {\n"
                                    + "    type: duration\n"
                                    + "    intervals: [dayz]\n"
                                    + "    sql_start: ${TABLE}.admitted_at ;;\n"
                                    + "    sql_end: ${TABLE}.discharged_at ;;\n"
                                    + "  }\n")),
                // E0605: dashboards, qualified as Looker qualifies them
                defect(
                        "E0605",
                        PD,
                        "fields: [patients.count]",
                        "fields: [patients.countt]",
                        "patients.countt"),
                defectAt(
                        "E0605",
                        PD,
                        "fields: [patient_panel.count]",
                        append(PX, "}\n", "\nexplore: patient_panel {\n  view_name: patients\n}\n"),
                        edit(
                                PD,
                                "    explore: patients\n"
                                    + "    type: single_value\n"
                                    + "    fields: [patients.count]",
                                "    explore: patient_panel\n    type: single_value\n"
                                        + "    fields: [patient_panel.count]")),
                // E0623: constants
                defect(
                        "E0623",
                        E,
                        "label: \"Primary Diagnosis (ICD-10-CM)\"",
                        "label: \"Primary Diagnosis (@{icd_versoin})\"",
                        "@{icd_versoin}"),
                defect(
                        "E0623",
                        C,
                        "sql: ${TABLE}.payer_name ;;",
                        "sql: COALESCE(${TABLE}.payer_name, '@{unknown_payer}') ;;",
                        "@{unknown_payer}"),
                // E0624: Liquid syntax
                defect("E0624", C, "{% endif %}", "{% endiff %}", "{% endiff %}"),
                defect(
                        "E0624",
                        E,
                        "url: \"https://www.icd10data.com/search?s={{ value | url_encode }}\"",
                        "url: \"https://www.icd10data.com/search?s={{ value | url_encode }\"",
                        "url_encode }\""),
                defect(
                        "E0624",
                        E,
                        "label: \"Look up {{ value }} on icd10data.com\"",
                        "label: \"Look up {% if value %}{{ value }} on icd10data.com\"",
                        "Look up {% if"),
                defect(
                        "E0624",
                        E,
                        "sql: ${TABLE}.encounter_type = 'inpatient' ;;",
                        "sql: {% condition encounter_type %} ${TABLE}.encounter_type ;;",
                        "{% condition"),
                // E0625: Liquid names fields that do not exist
                defect(
                        "E0625",
                        C,
                        "{% if value == 'denied' %}",
                        "{% if claims.claim_statuss._value == 'denied' %}",
                        "claims.claim_statuss._value"),
                defect(
                        "E0625",
                        E,
                        "label: \"Look up {{ value }} on icd10data.com\"",
                        "label: \"Look up {{ primary_dx_cod._value }} on icd10data.com\"",
                        "primary_dx_cod._value"),
                defect(
                        "E0625",
                        E,
                        "url: \"https://www.icd10data.com/search?s={{ value | url_encode }}\"",
                        "url: \"https://www.icd10data.com/search?s={{ _filters['patients.stat'] |"
                            + " url_encode }}\"",
                        "patients.stat'"),
                defect(
                        "E0625",
                        E,
                        "sql: ${TABLE}.encounter_type = 'inpatient' ;;",
                        "sql: {% condition patient.state %} ${TABLE}.encounter_type {% endcondition"
                            + " %} ;;",
                        "patient.state %}"),
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

    /** Valid but tricky: each must leave the environment without a single diagnostic. */
    static Stream<Arguments> clean() {
        return Stream.of(
                valid(
                        "explore with view_name, fields qualified by it",
                        append(
                                PX,
                                "}\n",
                                "\nexplore: patient_panel {\n  view_name: patients\n"
                                        + "  fields: [patients.count, patients.state]\n}\n"),
                        edit(
                                PD,
                                "    explore: patients\n"
                                    + "    type: single_value\n"
                                    + "    fields: [patients.count]",
                                "    explore: patient_panel\n"
                                    + "    type: single_value\n"
                                    + "    fields: [patients.count]")),
                valid(
                        "explore with from, fields qualified by the explore",
                        append(
                                PX,
                                "}\n",
                                "\n"
                                    + "explore: panel {\n"
                                    + "  from: patients\n"
                                    + "  fields: [panel.count, panel.sex]\n"
                                    + "  sql_always_where: ${panel.is_deceased} = FALSE ;;\n"
                                    + "}\n")),
                valid(
                        "join aliases with from",
                        append(
                                EX,
                                "    relationship: many_to_one\n  }\n",
                                "\n"
                                    + "  join: pcp {\n"
                                    + "    from: patients\n"
                                    + "    sql_on: ${pcp.patient_id} = ${encounters.patient_id}"
                                    + " ;;\n"
                                    + "    relationship: many_to_one\n"
                                    + "    fields: [pcp.patient_detail*]\n"
                                    + "  }\n")),
                valid(
                        "a refinement in another story adds a field the dashboard uses",
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: +patients {\n"
                                    + "  dimension: is_adult { type: yesno sql: ${age} >= 18 ;; }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n"),
                        edit(
                                PD,
                                "fields: [patients.sex, patients.count]",
                                "fields: [patients.sex, patients.is_adult, patients.count]")),
                valid(
                        "extends from a template view",
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: encounter_keys {\n"
                                    + "  extension: required\n"
                                    + "  dimension: key { sql: ${TABLE}.encounter_id ;; }\n"
                                    + "  measure: keys { type: count_distinct sql: ${key} ;;"
                                    + " drill_fields: [key] }\n"
                                    + "}\n\n"
                                    + "view: encounter_keys_live {\n"
                                    + "  extends: [encounter_keys]\n"
                                    + "  sql_table_name: <% env.warehouse.schema %>.encounters ;;\n"
                                    + "  measure: n { type: count drill_fields: [key, keys] }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n")),
                valid(
                        "Liquid in html naming a joined view's field",
                        edit(
                                E,
                                "sql: ${TABLE}.encounter_type ;;",
                                "sql: ${TABLE}.encounter_type ;;\n"
                                    + "    html: {% if patients.sex._value == 'Female' %}<b>{{"
                                    + " rendered_value }}</b>{% else %}{{ rendered_value }}{% endif"
                                    + " %} ;;")),
                valid(
                        "Liquid _filters, condition and parameter",
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "\n"
                                    + "  parameter: dx_level {\n"
                                    + "    type: unquoted\n"
                                    + "    allowed_value: { value: \"code\" }\n"
                                    + "  }\n\n"
                                    + "  dimension: dx { sql: {% if dx_level._parameter_value =="
                                    + " 'code' %} ${TABLE}.primary_dx_code {% else %}"
                                    + " LEFT(${TABLE}.primary_dx_code, 3) {% endif %} ;;\n"
                                    + "    html: {{ _filters['encounters.encounter_type'] }} {{"
                                    + " value }} ;; }\n\n"
                                    + "  dimension: in_type { type: yesno sql: {% condition"
                                    + " encounter_type %} ${TABLE}.encounter_type {% endcondition"
                                    + " %} AND {% parameter dx_level %} = 1 ;; }\n")),
                valid(
                        "ALL_FIELDS* with exclusions, view.* and sets in an explore",
                        edit(
                                EX,
                                "  label: \"Encounters\"\n",
                                "  label: \"Encounters\"\n"
                                    + "  fields: [ALL_FIELDS*, -patients.mrn,"
                                    + " -patients.patient_detail*]\n"),
                        edit(
                                CX,
                                "  label: \"Claims\"\n",
                                "  label: \"Claims\"\n"
                                    + "  fields: [claims.*, encounters.encounter_detail*,"
                                    + " patients.count]\n")),
                valid(
                        "duration groups and timeframe names in references",
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "\n"
                                    + "  dimension_group: stay {\n"
                                    + "    type: duration\n"
                                    + "    intervals: [day, hour]\n"
                                    + "    sql_start: ${admitted_raw} ;;\n"
                                    + "    sql_end: ${discharged_raw} ;;\n"
                                    + "  }\n\n"
                                    + "  measure: average_stay_hours { type: average sql:"
                                    + " ${hours_stay} ;; drill_fields: [days_stay, admitted_month]"
                                    + " }\n")),
                valid(
                        "a constant the environment defines",
                        edit(
                                ENV,
                                "[bases.redshift.warehouse]",
                                "[bases.redshift.looker.constants]\n"
                                    + "icd_version = \"ICD-10-CM\"\n\n"
                                    + "[bases.redshift.warehouse]"),
                        edit(
                                E,
                                "label: \"Primary Diagnosis (ICD-10-CM)\"",
                                "label: \"Primary Diagnosis (@{icd_version})\"")),
                valid(
                        "ETL SQL with a CTE, a temp table and a table function",
                        append(
                                PSQL,
                                "WHERE p.is_test_patient = FALSE;\n",
                                "\n"
                                    + "CREATE TEMP TABLE recent AS\n"
                                    + "WITH latest AS (SELECT patient_id FROM <%"
                                    + " env.warehouse.schema %>.patients)\n"
                                    + "SELECT l.patient_id, d FROM latest AS l, generate_series(1,"
                                    + " 3) AS d;\n"
                                    + "DELETE FROM recent USING latest WHERE TRIM(BOTH ' ' FROM"
                                    + " recent.patient_id) = '';\n")),
                valid(
                        "a view over a CREATE VIEW with a plain select list, and ALTER ADD COLUMN",
                        append(
                                EDEPLOY,
                                ");\n",
                                "\n"
                                    + "ALTER TABLE <% env.warehouse.schema %>.encounters ADD COLUMN"
                                    + " drg_code VARCHAR(8);\n\n"
                                    + "CREATE VIEW <% env.warehouse.schema %>.open_encounters AS\n"
                                    + "SELECT e.encounter_id, e.patient_id AS person,"
                                    + " LOWER(e.encounter_type) kind\n"
                                    + "FROM <% env.warehouse.schema %>.encounters AS e WHERE"
                                    + " e.discharged_at IS NULL;\n"),
                        append(
                                EREVERT,
                                "",
                                "DROP VIEW IF EXISTS <% env.warehouse.schema"
                                    + " %>.open_encounters;\n"),
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "\n"
                                    + "  dimension: drg_code { sql: ${TABLE}.drg_code ;; }\n"
                                    + "}\n\n"
                                    + "view: open_encounters {\n"
                                    + "  sql_table_name: <% env.warehouse.schema %>.open_encounters"
                                    + " ;;\n"
                                    + "  dimension: person { sql: ${TABLE}.person ;; }\n"
                                    + "  dimension: kind { sql: ${TABLE}.kind ;; }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n")),
                valid(
                        "order_by_field, required_fields and measure filters across views",
                        edit(
                                P,
                                "    sql: CASE ${TABLE}.sex WHEN",
                                "    order_by_field: zip3\n"
                                    + "    required_fields: [state]\n"
                                    + "    sql: CASE ${TABLE}.sex WHEN"),
                        edit(
                                E,
                                "    filters: [is_inpatient: \"yes\"]\n"
                                    + "    value_format_name: decimal_1",
                                "    filters: [is_inpatient: \"yes\", patients.is_deceased:"
                                    + " \"no\"]\n"
                                    + "    value_format_name: decimal_1")),
                valid(
                        "a datagroup trigger and an access grant on a field",
                        edit(
                                E,
                                "    sql: ${TABLE}.primary_dx_code ;;\n    link:",
                                "    sql: ${TABLE}.primary_dx_code ;;\n"
                                    + "    required_access_grants: [beta_explores]\n"
                                    + "    link:"),
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: encounter_days {\n"
                                    + "  derived_table: {\n"
                                    + "    sql: SELECT patient_id, COUNT(*) AS n FROM"
                                    + " ${encounters.SQL_TABLE_NAME} GROUP BY 1 ;;\n"
                                    + "    datagroup_trigger: nightly_load\n"
                                    + "  }\n"
                                    + "  dimension: n { type: number sql: ${TABLE}.n ;; }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n")),
                valid(
                        "Liquid in a label, a link and the explore's sql_always_where",
                        edit(
                                EX,
                                "  label: \"Encounters\"\n",
                                "  label: \"Encounters\"\n"
                                    + "  sql_always_where: {% if"
                                    + " encounters.encounter_type._in_query %} 1=1 {% else %}"
                                    + " ${encounters.encounter_type} <> 'test' {% endif %} ;;\n"),
                        edit(
                                E,
                                "label: \"Primary Diagnosis (ICD-10-CM)\"",
                                "label: \"{% if _user_attributes['locale'] == 'fr' %}Diagnostic{%"
                                    + " else %}Diagnosis{% endif %}\"")),
                valid(
                        "a revert that drops with a comment and two statements",
                        edit(
                                EREVERT,
                                "DROP TABLE IF EXISTS",
                                "-- Back out encounters.\n"
                                    + "DROP VIEW IF EXISTS <% env.warehouse.schema"
                                    + " %>.nothing_yet;\n"
                                    + "DROP TABLE IF EXISTS")));
    }

    static Arguments valid(String name, Edit... edits) {
        return Arguments.of(name, List.of(edits));
    }

    @BeforeAll
    static void copyWorkspace() throws IOException {
        workspace = Files.createTempDirectory("seeded-defects");
        Checkout.copyExampleWorkspace(workspace.resolve("ws"));
    }

    @AfterAll
    static void removeWorkspace() throws IOException {
        try (Stream<Path> walk = Files.walk(workspace)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theCorpusCoversEveryNewCodeWithAtLeastSixtyDefects() {
        List<Case> cases = defects().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(Case::code).distinct())
                .containsAll(
                        List.of(
                                "E0620", "E0621", "E0622", "E0623", "E0624", "E0625", "E0626",
                                "E0628", "E0629", "E0630", "E0631", "E0632", "E0633", "E0634",
                                "E0635"));
        assertThat(clean().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aViewWhoseColumnsCannotBeKnownIsANoteAtVerbose() {
        Path ws = workspace.resolve("ws");
        List<Edit> derived =
                List.of(
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: stays {\n"
                                    + "  derived_table: { sql: SELECT encounter_id FROM"
                                    + " ${encounters.SQL_TABLE_NAME} ;; }\n"
                                    + "  dimension: id { sql: ${TABLE}.encounter_idd ;; }\n"
                                    + "  dimension: id2 { sql: ${TABLE}.other ;; }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n"));
        List<JsonNode> found = withEdits(ws, derived, () -> check(ws, ALL));
        String mutated = withEdits(ws, derived, () -> Checkout.read(ws.resolve(E)));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("severity").asText()).isEqualTo("note");
        assertThat(found.get(0).get("code").asText()).isEqualTo("E0627");
        assertThat(found.get(0).get("line").asInt()).isEqualTo(lineOf(mutated, "view: stays {"));
        assertThat(found.get(0).get("message").asText())
                .contains("view `stays`")
                .contains("derived table");

        Storyc.Outcome quiet =
                withEdits(ws, derived, () -> Storyc.run(ws, SECRETS, "check", "--env", ALL));
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.stderr()).as("notes are detail, shown only with --verbose").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachSeededDefectIsReportedAtItsLine(Case seeded) throws IOException {
        Path ws = workspace.resolve("ws");
        List<JsonNode> found = withEdits(ws, seeded.edits(), () -> check(ws, seeded.environment()));
        String mutated =
                withEdits(ws, seeded.edits(), () -> Checkout.read(ws.resolve(seeded.reportFile())));
        int line = lineOf(mutated, seeded.needle());
        assertThat(line)
                .as("needle `%s` is in %s", seeded.needle(), seeded.reportFile())
                .isPositive();
        List<String> problems =
                found.stream()
                        .filter(d -> !d.get("severity").asText().equals("note"))
                        .map(
                                d ->
                                        d.get("code").asText()
                                                + " "
                                                + d.get("file").asText()
                                                + ":"
                                                + d.get("line").asInt())
                        .toList();
        assertThat(problems)
                .as("%s", found)
                .contains(seeded.code() + " " + seeded.reportFile() + ":" + line);
        assertThat(problems)
                .as("a single mutation gives a single kind of problem: %s", found)
                .allMatch(p -> p.startsWith(seeded.code() + " "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void validButTrickyLookmlStaysClean(String name, List<Edit> edits) throws IOException {
        Path ws = workspace.resolve("ws");
        List<JsonNode> found = withEdits(ws, edits, () -> check(ws, ALL));
        assertThat(found.stream().filter(d -> !d.get("severity").asText().equals("note")).toList())
                .as(name)
                .isEmpty();
    }

    /** Runs check with -v, so that notes are reported too, and returns the JSON diagnostics. */
    private static List<JsonNode> check(Path ws, String environment) {
        Storyc.Outcome outcome =
                Storyc.run(ws, SECRETS, "-v", "check", "--env", environment, "--format", "json");
        assertThat(outcome.exitCode()).as(outcome.toString()).isIn(0, 1);
        try {
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(outcome.stdout()).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new AssertionError(outcome.toString(), e);
        }
    }

    /** Applies the edits, runs {@code body}, and puts every file back as it was. */
    private static <T> T withEdits(Path ws, List<Edit> edits, java.util.function.Supplier<T> body) {
        Map<Path, String> originals = new LinkedHashMap<>();
        try {
            for (Edit edit : edits) {
                Path file = ws.resolve(edit.file());
                originals.putIfAbsent(file, Checkout.read(file));
                String text = Checkout.read(file);
                if (edit.from().isEmpty()) {
                    Checkout.write(file, text + edit.to());
                    continue;
                }
                assertThat(text)
                        .as("%s holds the text to replace", edit.file())
                        .contains(edit.from());
                Checkout.write(
                        file,
                        text.replaceFirst(
                                java.util.regex.Pattern.quote(edit.from()),
                                java.util.regex.Matcher.quoteReplacement(edit.to())));
            }
            return body.get();
        } finally {
            originals.forEach(Checkout::write);
        }
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        String first = needle.lines().findFirst().orElse(needle);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(first)) {
                return i + 1;
            }
        }
        return -1;
    }
}
