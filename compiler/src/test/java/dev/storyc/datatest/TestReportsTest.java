package dev.storyc.datatest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyc.diag.Position;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TestReportsTest {
    static final DataTest UNIQUE =
            new DataTest(
                    "patients.patient_id is unique",
                    "patients",
                    DataTest.Kind.PRIMARY_KEY_UNIQUE,
                    "SELECT 1",
                    Position.of("out/e/views/p.view.lkml", 3, 14));
    static final DataTest STORY =
            new DataTest(
                    "claims/paid_le_billed",
                    "claims",
                    DataTest.Kind.STORY,
                    "SELECT 1",
                    Position.of("out/e/tests/claims/paid_le_billed.sql", 2, 1));
    static final DataTest BROKEN =
            new DataTest(
                    "claims/broken",
                    "claims",
                    DataTest.Kind.STORY,
                    "SELECT x",
                    Position.of("out/e/tests/claims/broken.sql", 1, 1));

    static final List<TestOutcome> OUTCOMES =
            List.of(
                    new TestOutcome(
                            UNIQUE, TestOutcome.Status.PASSED, List.of(), List.of(), 0, "", 3),
                    new TestOutcome(
                            STORY,
                            TestOutcome.Status.FAILED,
                            List.of("claim_id", "paid <& billed"),
                            List.of(List.of("C1", "NULL"), List.of("C22", "x")),
                            12,
                            "",
                            5),
                    new TestOutcome(
                            BROKEN,
                            TestOutcome.Status.ERROR,
                            List.of(),
                            List.of(),
                            0,
                            "column \"x\" does not exist",
                            1));

    @Test
    void theClosingCountTellsFailuresFromErrorsAsJsonAndJunitDo() {
        assertThat(TestReports.summary(OUTCOMES)).isEqualTo("1 passed, 1 failed, 1 error");
        assertThat(TestReports.summary(List.of(OUTCOMES.get(0), OUTCOMES.get(2), OUTCOMES.get(2))))
                .isEqualTo("1 passed, 2 errors");
        assertThat(TestReports.summary(List.of(OUTCOMES.get(0)))).isEqualTo("1 passed");
        assertThat(TestReports.summary(List.of())).isEqualTo("0 passed");
    }

    @Test
    void junitXmlHasATestcasePerTestWithFailuresAndErrors() throws Exception {
        String xml = TestReports.junit("integration", OUTCOMES);
        Document document =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suite = document.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element failed = (Element) cases.item(1);
        assertThat(failed.getAttribute("classname")).isEqualTo("integration.claims");
        assertThat(failed.getAttribute("file")).isEqualTo("out/e/tests/claims/paid_le_billed.sql");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("returned 12 rows");
        assertThat(failure.getTextContent())
                .contains("claim_id | paid <& billed")
                .contains("C22      | x")
                .contains("(2 of 12 rows shown)");
        Element error = (Element) ((Element) cases.item(2)).getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("column \"x\" does not exist");
    }

    @Test
    void jsonHasCountsAndTheFailingRows() throws Exception {
        JsonNode json = new ObjectMapper().readTree(TestReports.json("integration", OUTCOMES));

        assertThat(json.get("passed").asInt()).isEqualTo(1);
        assertThat(json.get("failed").asInt()).isEqualTo(1);
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        JsonNode failed = json.get("tests").get(1);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("row_count").asLong()).isEqualTo(12);
        assertThat(failed.get("rows").get(1).get(0).asText()).isEqualTo("C22");
        assertThat(failed.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void textShowsEachTestAndTheFailingRowsUnderIt() {
        assertThat(TestReports.text(OUTCOMES))
                .isEqualTo(
                        """
                        pass   patients.patient_id is unique  3 ms
                        FAIL   claims/paid_le_billed  (12 rows)  5 ms
                               claim_id | paid <& billed
                               ---------+---------------
                               C1       | NULL
                               C22      | x
                               (2 of 12 rows shown)
                        ERROR  claims/broken  1 ms
                               column "x" does not exist
                        """);
        assertThat(TestReports.diagnostics(OUTCOMES))
                .extracting(d -> d.code().id() + " " + d.position())
                .containsExactly(
                        "E0911 out/e/tests/claims/paid_le_billed.sql:2:1",
                        "E0912 out/e/tests/claims/broken.sql:1:1");
    }

    @Test
    void controlCharactersInWarehouseDataAreShownEscapedInEveryFormat() throws Exception {
        List<TestOutcome> outcomes = List.of(
                new TestOutcome(
                        STORY,
                        TestOutcome.Status.FAILED,
                        List.of("id", "note"),
                        List.of(List.of("\u0001", "\u001b[31mred\nline\ttab")),
                        1,
                        "",
                        5),
                new TestOutcome(BROKEN, TestOutcome.Status.ERROR, List.of(), List.of(), 0,
                        "bad \u0007 value\nDETAIL: x", 1));

        assertThat(TestReports.text(outcomes)).isEqualTo("""
                FAIL   claims/paid_le_billed  (1 row)  5 ms
                       id     | note
                       -------+---------------------------------
                       \\u0001 | \\u001b[31mred\\u000aline\\u0009tab
                ERROR  claims/broken  1 ms
                       bad \\u0007 value\\u000aDETAIL: x
                """);
        String xml = TestReports.junit("integration", outcomes);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("failure").item(0).getTextContent())
                .contains("\\u0001 | \\u001b[31mred");
        assertThat(((Element) document.getElementsByTagName("error").item(0)).getAttribute("message"))
                .isEqualTo("bad \\u0007 value\\u000aDETAIL: x");
        assertThat(new ObjectMapper().readTree(TestReports.json("integration", outcomes))
                .get("tests").get(0).get("rows").get(0).get(0).asText())
                .as("JSON escapes for itself and keeps the value exact").isEqualTo("\u0001");
    }
    /** A key whose SQL holds Liquid was run by no one and shown nowhere; it is a skipped test. */
    @Test
    void aSkippedTestIsCountedAndShownWithItsReasonInEveryFormat() throws Exception {
        List<TestOutcome> outcomes = List.of(OUTCOMES.get(0),
                TestOutcome.skipped(UNIQUE, "Liquid is rendered by Looker at query time"));

        assertThat(TestReports.summary(outcomes)).isEqualTo("1 passed, 1 skipped");
        assertThat(TestReports.text(outcomes)).isEqualTo("""
                pass   patients.patient_id is unique  3 ms
                skip   patients.patient_id is unique  (Liquid is rendered by Looker at query time)
                """);
        assertThat(TestReports.diagnostics(outcomes)).isEmpty();
        JsonNode json = new ObjectMapper().readTree(TestReports.json("integration", outcomes));
        assertThat(json.get("skipped").asInt()).isEqualTo(1);
        assertThat(json.get("tests").get(1).get("status").asText()).isEqualTo("skipped");
        assertThat(json.get("tests").get(1).get("reason").asText())
                .isEqualTo("Liquid is rendered by Looker at query time");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(TestReports.junit("integration", outcomes)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        Element skipped = (Element) ((Element) document.getElementsByTagName("testcase").item(1))
                .getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("Liquid is rendered by Looker at query time");
        assertThat(document.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    /** SQL's NULL was printed as the word NULL, which a text value may be. */
    @Test
    void aNullIsToldApartFromTheTextNullInEveryFormat() throws Exception {
        List<TestOutcome> outcomes = List.of(new TestOutcome(STORY, TestOutcome.Status.FAILED,
                List.of("claim_id", "payer"), List.of(Arrays.asList("NULL", null)), 1, "", 5));

        assertThat(TestReports.text(outcomes)).isEqualTo("""
                FAIL   claims/paid_le_billed  (1 row)  5 ms
                       claim_id | payer
                       ---------+-------
                       NULL     | <null>
                """);
        JsonNode row = new ObjectMapper().readTree(TestReports.json("integration", outcomes))
                .get("tests").get(0).get("rows").get(0);
        assertThat(row.get(0).isTextual()).isTrue();
        assertThat(row.get(0).asText()).isEqualTo("NULL");
        assertThat(row.get(1).isNull()).as("JSON's null").isTrue();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(TestReports.junit("integration", outcomes)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("failure").item(0).getTextContent())
                .contains("NULL     | <null>");
    }
}
