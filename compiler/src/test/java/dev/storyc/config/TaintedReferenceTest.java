package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole {@code ${env:VAR}} in a typed field that is not a secret is a value read from the
 * process: a longer string may include it (and is then tainted too). It was refused as a secret,
 * E0218, at the base that included it (round 14).
 */
class TaintedReferenceTest {
    @TempDir Path temp;

    @Test
    void aTypedVariableReadFromTheProcessMayBePartOfALongerString() {
        Result<Evaluation> result = EnvironmentResolverTest.evaluate(temp, """
                [types.variables.raw_schema]
                type = "string"
                [types.variables.label]
                type = "string"
                """ + EnvironmentResolverTest.PROD + """
                variables = { raw_schema = "${env:REGION}", label = "raw_${variables.raw_schema}" }
                """);

        assertThat(result.ok()).as("%s", result.diagnostics()).isTrue();
        Map<?, ?> variables = (Map<?, ?>) result.get().environments().find("prod").orElseThrow().values().get("variables");
        assertThat(variables.get("label")).isEqualTo(new Tainted("raw_eu-west-1", "raw_${variables.raw_schema}"));
    }

    @Test
    void aFieldStorycWritesBuiltFromOneIsE0232AsTheDocsSay() {
        Result<Evaluation> result = EnvironmentResolverTest.evaluate(temp, EnvironmentResolverTest.PROD
                .replace("database = \"prod\"", "database = \"${env:REGION}\"")
                .replace("connection = \"looker_prod\"", "connection = \"looker_${warehouse.database}\""));

        assertThat(result.diagnostics()).extracting(Diagnostic::code).extracting(c -> c.id()).contains("E0232")
                .doesNotContain("E0218");
    }

    @Test
    void aSecretStaysWholeEvenWhenItsVariableIsSet() {
        Result<Evaluation> result = EnvironmentResolverTest.evaluate(temp, EnvironmentResolverTest.PROD
                .replace("user = \"looker\"", "user = \"u_${warehouse.password}\", password = \"${env:REGION}\""));

        assertThat(result.diagnostics()).extracting(Diagnostic::code).extracting(c -> c.id()).contains("E0218");
    }
}
