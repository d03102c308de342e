package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.check.SchemaTables;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryAssembler;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Classification files: what they classify, and one row per mistake, each at its line. */
class ClassificationReaderTest {
    static final String PATIENTS = "CREATE TABLE analytics.patients (\n  patient_id VARCHAR(32),\n"
            + "  mrn VARCHAR(20),\n  first_name VARCHAR(100),\n  birth_date DATE,\n  zip VARCHAR(10)\n);\n"
            + "CREATE TABLE analytics.patients_copy AS SELECT * FROM analytics.patients;\n";
    static final String VISITS = "CREATE TABLE analytics.visits (visit_id VARCHAR(32), note TEXT);\n"
            + "CREATE TABLE analytics.visit_copy AS SELECT * FROM analytics.visits;\n";
    static final String PHI = "stories/patients/schema/phi.toml";

    /** Returns a story with a deploy script and, when given, a classification file. */
    static Story story(String id, String deploy, String phi) {
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile("stories/" + id + "/story.toml", "title = \"" + id + "\"\n"));
        files.add(new SourceFile("stories/" + id + "/schema/deploy.sql", deploy));
        files.add(new SourceFile("stories/" + id + "/schema/revert.sql", "SELECT 1;\n"));
        files.add(new SourceFile("stories/" + id + "/schema/verify.sql", "SELECT 1;\n"));
        if (phi != null) {
            files.add(new SourceFile("stories/" + id + "/" + Story.CLASSIFICATION, phi));
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<Story> story = StoryAssembler.assemble(new StoryId(id), files, diagnostics);
        assertThat(diagnostics.all()).isEmpty();
        return story.orElseThrow();
    }

    static Result<Classification> read(String phi) {
        List<Story> stories = List.of(story("patients", PATIENTS, phi), story("visits", VISITS,
                null));
        List<RenderedStory> rendered = stories.stream().map(s -> new RenderedStory(s,
                s.files().stream().map(f -> new RenderedFile(f, f.source().text())).toList()))
                        .toList();
        return ClassificationReader.read(stories, SchemaTables.of(rendered));
    }

    @Test
    void classifiesEachColumnWithItsLine() {
        Classification classification = read("# PHI of the patient dimension\n[tables.patients]\n"
                + "mrn = \"identifier\"\nFIRST_NAME = \"name\"\nbirth_date = \"birth_date\"\n"
                + "zip = { class = \"quasi\", generalize = \"zip3\" }\n").get();
        assertThat(classification.all()).extracting(ProtectedColumn::qualifiedName)
                .containsExactly("patients.birth_date", "patients.first_name", "patients.mrn",
                        "patients.zip");
        ProtectedColumn mrn = classification.classOf("analytics.PATIENTS", "MRN").orElseThrow();
        assertThat(mrn.phiClass()).isEqualTo(PhiClass.IDENTIFIER);
        assertThat(mrn.declaredAt().toString()).isEqualTo(PHI + ":3:1");
        assertThat(classification.classOf("patients", "birth_date").orElseThrow().generalization())
                .contains(Generalization.YEAR);
        assertThat(classification.classOf("patients", "zip").orElseThrow().generalization())
                .contains(Generalization.ZIP3);
        assertThat(classification.classOf("patients", "patient_id")).isEmpty();
        assertThat(classification.classOf("visits", "note")).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("[tables.patient]\nmrn = \"identifier\"\n",
                        "E1102 " + PHI + ":1:9 story `patients` creates no table `patient`",
                                "did you mean `patients`?"),
                Arguments.of("[tables.\"analytics.patients\"]\nmrn = \"identifier\"\n",
                        "E1102 " + PHI
                                + ":1:10 name the table `analytics.patients` without its schema",
                                        "[tables.patients]"),
                Arguments.of("[tables.visits]\nnote = \"free_text\"\n",
                        "E1103 " + PHI
                                + ":1:9 `visits` is created by story `visits`, not `patients`",
                        "stories/visits/schema/phi.toml"),
                Arguments.of("[tables.patients]\nmrm = \"identifier\"\n",
                        "E1104 " + PHI + ":2:1 `patients` has no column `mrm`",
                                "did you mean `mrn`?"),
                Arguments.of("[tables.patients]\nmrn = \"identifer\"\n",
                        "E1105 " + PHI + ":2:7 `identifer` is not a class of PHI",
                                "did you mean `identifier`?"),
                Arguments.of("[tables.patients]\nzip = \"quasi\"\n",
                        "E1106 " + PHI + ":2:1 a quasi-identifier must say how it generalizes",
                                "zip3"),
                Arguments.of("[tables.patients]\nbirth_date = { class = \"birth_date\", generalize = \"zip3\" }\n",
                        "E1106 " + PHI + ":2:38 a birth date cannot generalize to `zip3`",
                                "its year"),
                Arguments.of("[tables.patients]\nmrn = { class = \"identifier\", generalize = \"year\" }\n",
                        "E1106 " + PHI + ":2:31 a identifier cannot generalize to `year`",
                                "only birth dates"),
                Arguments.of("[tables.patients]\nbirth_date = { class = \"quasi\", generalize = \"zip3\" }\n",
                        "E1106 " + PHI + ":2:33 `patients.birth_date` is DATE, which `zip3` cannot generalize",
                                "first three characters of a CHAR, VARCHAR or TEXT column"),
                Arguments.of("[tables.patients]\nzip = { class = \"quasi\", generalize = \"year\" }\n",
                        "E1106 " + PHI + ":2:26 `patients.zip` is VARCHAR, which `year` cannot generalize",
                                "the year of a DATE or TIMESTAMP column"),
                Arguments.of("[tables.patients]\nmrn = \"identifier\"\nMRN = \"name\"\n",
                        "E1101 " + PHI + ":3:1 `MRN` classifies column `mrn` of `patients` a second time",
                                "names compare ignoring case"),
                Arguments.of("[tables.patients]\nzip = { class = \"quasi\", generalize = \"yaer\" }\n",
                        "E1106 " + PHI + ":2:26 `yaer` is not a generalization",
                                "did you mean `year`?"),
                Arguments.of("[tabels.patients]\nmrn = \"identifier\"\n",
                        "E1101 " + PHI + ":1:1 unknown field `tabels` in phi.toml",
                                "did you mean `tables`?"),
                Arguments.of("tables = 3\n", "E1101 " + PHI
                        + ":1:1 `tables` must be a table of tables", "phi.md"),
                Arguments.of("[tables]\npatients = \"identifier\"\n",
                        "E1101 " + PHI + ":2:1 `tables.patients` must be a table of columns",
                                "phi.md"),
                Arguments.of("[tables.patients]\nmrn = 7\n",
                        "E1101 " + PHI + ":2:1 `mrn` must name a class", "phi.md"),
                Arguments.of("[tables.patients]\nmrn = { clas = \"identifier\" }\n",
                        "E1101 " + PHI + ":2:9 unknown field `clas` in a column's classification",
                        "did you mean `class`?"),
                Arguments.of("[tables.patients]\nmrn = \"identifier\"\n[tables.visit_copy]\nnote = \"free_text\"\n",
                        "E1103 " + PHI + ":3:9 `visit_copy` is created by story `visits`",
                                "stories/visits"),
                Arguments.of("[tables.patients_copy]\nmrn = \"identifier\"\n",
                        "E1107 " + PHI + ":1:9 the columns of `patients_copy` cannot be known",
                                "list the columns"),
                Arguments.of("[tables.patients\nmrn = \"identifier\"\n",
                        "E1100 " + PHI + ":1:17 invalid TOML", "toml.io"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void reportsEachMistakeAtItsLine(String phi, String expected, String hint) {
        Result<Classification> result = read(phi);
        assertThat(result.ok()).isFalse();
        Diagnostic match = result.diagnostics().stream()
                .filter(d -> describe(d).startsWith(expected)).findFirst().orElse(null);
        assertThat(match).as("expected %s in %s", expected,
                result.diagnostics().stream().map(ClassificationReaderTest::describe).toList())
                        .isNotNull();
        assertThat(match.hint()).hasValueSatisfying(h -> assertThat(h).contains(hint));
    }

    static String describe(Diagnostic d) {
        return d.code().id() + " " + d.position() + " " + d.message();
    }
}
