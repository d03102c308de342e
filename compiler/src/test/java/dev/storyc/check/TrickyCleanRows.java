package dev.storyc.check;

import static dev.storyc.check.SeededDefects.*;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** Changes to the example that look wrong but are valid LookML, for {@link SeededDefectsTest}. */
final class TrickyCleanRows {
    private TrickyCleanRows() {}

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
                        "a template's field over one table, redefined by a view over another",
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: keyed {\n"
                                    + "  extension: required\n"
                                    + "  dimension: key { sql: ${TABLE}.encounter_id ;; }\n"
                                    + "}\n\n"
                                    + "view: encounter_keyed {\n"
                                    + "  extends: [keyed]\n"
                                    + "  sql_table_name: <% env.warehouse.schema %>.encounters ;;\n"
                                    + "}\n\n"
                                    + "view: patient_keyed {\n"
                                    + "  extends: [keyed]\n"
                                    + "  sql_table_name: <% env.warehouse.schema %>.patients ;;\n"
                                    + "  dimension: key { sql: ${TABLE}.patient_id ;; }\n"
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
                        "an explore whose fields offer every field its dashboards use",
                        edit(PX, "attribution.\"\n}", "attribution.\"\n  fields: [ALL_FIELDS*, -patients.mrn,"
                                + " -patients.full_name]\n}")),
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
                        "a column a later change adds and renames, and an unlogged table",
                        append(PCHANGE + "deploy.sql", "",
                                "ALTER TABLE <% env.warehouse.schema %>.patients ADD COLUMN region VARCHAR(16);\n"
                                        + "ALTER TABLE <% env.warehouse.schema %>.patients RENAME COLUMN region TO region_code;\n"
                                        + "CREATE UNLOGGED TABLE <% env.warehouse.schema %>.patient_stage (id INT);\n"),
                        append(PCHANGE + "revert.sql", "",
                                "DROP TABLE <% env.warehouse.schema %>.patient_stage;\n"
                                        + "ALTER TABLE <% env.warehouse.schema %>.patients DROP COLUMN region_code;\n"),
                        edit(P, "  dimension: zip3 {\n",
                                "  dimension: region_code { sql: ${TABLE}.region_code ;; }\n\n  dimension: zip3 {\n"),
                        append(P, "", "\nview: patient_stage {\n"
                                + "  sql_table_name: <% env.warehouse.schema %>.patient_stage ;;\n"
                                + "  dimension: id { type: number primary_key: yes sql: ${TABLE}.id ;; }\n}\n")),
                valid(
                        "a story that adds a column to a table the story it requires creates and classifies",
                        append(EDEPLOY, ");\n", "\nALTER TABLE <% env.warehouse.schema %>.patients"
                                + " ADD COLUMN region TEXT;\n"),
                        append(EREVERT, "", "\nALTER TABLE <% env.warehouse.schema %>.patients DROP COLUMN region;\n")),
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
}
