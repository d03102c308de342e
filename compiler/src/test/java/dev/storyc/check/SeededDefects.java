package dev.storyc.check;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The vocabulary of the seeded-defect corpus ({@link SeededDefectsTest}): the example's files by
 * short name, and the edits and cases its rows are written in.
 */
final class SeededDefects {
    private SeededDefects() {}

    static final Map<String, String> SECRETS = ExampleWorkspaceChecksTest.SECRETS;
    static final String P = "stories/patients/views/patients.view.lkml";
    static final String PX = "stories/patients/explores/patients.explore.lkml";
    static final String PD = "stories/patients/dashboards/patient_overview.dashboard.lookml";
    static final String PSQL = "stories/patients/etl/load_patients.sql";
    static final String PDEPLOY = "stories/patients/schema/deploy.sql";
    /** A later schema change of patients, which the example does not have: its files are made. */
    static final String PCHANGE = "stories/patients/schema/changes/01-regions/";
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

    static Arguments valid(String name, Edit... edits) {
        return Arguments.of(name, List.of(edits));
    }
}
