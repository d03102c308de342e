package dev.storyc.check;

import static dev.storyc.check.SeededDefects.*;

import java.util.stream.Stream;

/** Seeded defects that Looker's validator finds: field references, timeframes, constants, Liquid (E0620-E0625), and values of keys Looker fixes (E0644). */
final class LookmlDefectRows {
    private LookmlDefectRows() {}

    static Stream<Case> rows() {
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
                // E0644: values of keys Looker fixes
                defect("E0644", EX, "type: left_outer", "type: left_outr", "left_outr"),
                defect("E0644", EX, "relationship: many_to_one", "relationship: many_to_won", "many_to_won"),
                defect("E0644", E, "    type: string\n", "    type: strng\n", "strng"),
                // A join with `fields: []` offers no field of its view
                defectAt(
                        "E0605",
                        "stories/appointments/dashboards/appointment_no_shows.dashboard.lookml",
                        "patients.sex]",
                        edit("stories/appointments/explores/appointments.explore.lkml",
                                "    relationship: many_to_one\n", "    relationship: many_to_one\n    fields: []\n"),
                        edit("stories/appointments/dashboards/appointment_no_shows.dashboard.lookml",
                                "fields: [appointments.scheduled_week, appointments.no_show_rate]",
                                "fields: [appointments.scheduled_week, appointments.no_show_rate, patients.sex]")),
                // ... and a join whose list, qualified by the join's name, leaves the field out
                defectAt(
                        "E0605",
                        "stories/appointments/dashboards/appointment_no_shows.dashboard.lookml",
                        "patients.sex]",
                        edit("stories/appointments/explores/appointments.explore.lkml",
                                "    relationship: many_to_one\n",
                                "    relationship: many_to_one\n    fields: [patients.patient_id, patients.age]\n"),
                        edit("stories/appointments/dashboards/appointment_no_shows.dashboard.lookml",
                                "fields: [appointments.scheduled_week, appointments.no_show_rate]",
                                "fields: [appointments.scheduled_week, appointments.no_show_rate, patients.sex]")),
                // E0642: two elements of one name
                defect(
                        "E0642",
                        PD,
                        "  - name: average_age",
                        "  - name: \"patient_count\"",
                        "\"patient_count\""),
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
                // E0605: a field the explore does not offer, by its own fields or a join's
                defectAt(
                        "E0605",
                        PD,
                        "patients.sex, patients.count]",
                        edit(PX, "attribution.\"\n}", "attribution.\"\n  fields: [ALL_FIELDS*, -patients.sex]\n}")),
                defectAt(
                        "E0605",
                        PD,
                        "patients.age_tier, patients.sex",
                        edit(PX, "attribution.\"\n}", "attribution.\"\n  fields: [patients.patient_detail*,"
                                + " patients.count, patients.average_age]\n}")),
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
                        "patient.state %}"));
    }
}
