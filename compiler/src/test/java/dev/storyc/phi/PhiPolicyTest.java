package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.Environments;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.StdlibLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Environment policies: the defaults of each kind, and one row per refused policy. */
class PhiPolicyTest {
    static final String KEY = "a-key-nobody-guesses";
    static final Map<String, String> PROCESS = Map.of("PHI_KEY", KEY);

    /** An environment of {@code kind} whose phi settings start at line 7. */
    static String environment(String kind, String phi) {
        return "[environments.e]\n"
                + "kind = \"" + kind + "\"\n"
                + "connection = \"c\"\n"
                + "project_name = \"p\"\n"
                + "release = \"all\"\n"
                + "warehouse = { host = \"h\", database = \"d\", schema = \"s\", user = \"u\" }\n"
                + phi;
    }

    static Result<PhiPolicy> policy(String toml, Map<String, String> process) {
        Result<Environments> environments = EnvironmentResolver.resolve(
                new SourceFile("environments.toml", toml), StdlibLoader.load().environmentType(),
                name -> Optional.ofNullable(process.get(name)));
        assertThat(environments.diagnostics()).as("environments.toml is valid").isEmpty();
        Environment environment = environments.get().find("e").orElseThrow();
        return PhiPolicies.of(environment);
    }

    @Test
    void productionAllowsAndEveryOtherKindRedactsByDefault() {
        PhiPolicy production = policy(environment("production", ""), PROCESS).get();
        assertThat(production.allowsEverything()).isTrue();
        for (String kind : List.of("development", "integration", "acceptance")) {
            PhiPolicy policy = policy(environment(kind, ""), PROCESS).get();
            for (PhiClass phiClass : PhiClass.values()) {
                assertThat(policy.treatmentOf(phiClass)).as(kind + " " + phiClass)
                        .isEqualTo(new Treatment.Redact());
            }
        }
    }

    @Test
    void settingsOverrideTheDefaultsAndPseudonymsUseADerivedKey() {
        PhiPolicy policy = policy(environment("integration", "phi.identifier = \"pseudonymize\"\n"
                + "phi.birth_date = \"generalize\"\nphi.name = \"allow\"\n"
                + "phi.secret = \"${env:PHI_KEY}\"\n"), PROCESS).get();
        assertThat(policy.treatmentOf(PhiClass.IDENTIFIER))
                .isEqualTo(new Treatment.Pseudonymize(PseudonymKey.derive(KEY, "e")));
        assertThat(policy.treatmentOf(PhiClass.BIRTH_DATE)).isEqualTo(new Treatment.Generalize());
        assertThat(policy.treatmentOf(PhiClass.NAME)).isEqualTo(new Treatment.Allow());
        assertThat(policy.treatmentOf(PhiClass.CONTACT)).isEqualTo(new Treatment.Redact());
        assertThat(policy.setAt().get(PhiClass.IDENTIFIER).line()).isEqualTo(7);
        assertThat(PseudonymKey.derive(KEY, "e").hex()).doesNotContain(KEY)
                .isNotEqualTo(PseudonymKey.derive(KEY, "f").hex());
        assertThat(PseudonymKey.derive(KEY, "e").toString()).doesNotContain(PseudonymKey
                .derive(KEY, "e").hex());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("development", "phi.name = \"allow\"\n", Map.of(),
                        "E1110 environments.toml:7:1 `e` is a development environment and cannot allow `name`"),
                Arguments.of("integration", "phi.identifier = \"generalize\"\n", Map.of(),
                        "E1111 environments.toml:7:1 `phi.identifier` cannot be generalized"),
                Arguments.of("acceptance", "phi.free_text = \"generalize\"\n", Map.of(),
                        "E1111 environments.toml:7:1 `phi.free_text` cannot be generalized"),
                Arguments.of("integration", "phi.birth_date = \"pseudonymize\"\n", PROCESS,
                        "E1111 environments.toml:7:1 `phi.birth_date` cannot be pseudonymize"),
                Arguments.of("integration", "phi.quasi = \"pseudonymize\"\n", PROCESS,
                        "E1111 environments.toml:7:1 `phi.quasi` cannot be pseudonymize"),
                Arguments.of("development", "phi.contact = \"pseudonymize\"\n", Map.of(),
                        "E1112 environments.toml:7:1 `e` pseudonymizes but sets no `phi.secret`"),
                Arguments.of("integration", "phi.identifier = \"pseudonymize\"\n"
                                + "phi.secret = \"written-in-the-file\"\n", PROCESS,
                        "E1113 environments.toml:8:1 `phi.secret` of `e` is written in the file"),
                Arguments.of("integration", "phi.identifier = \"pseudonymize\"\n"
                                + "phi.secret = \"${env:EMPTY_KEY}\"\n", Map.of("EMPTY_KEY", ""),
                        "E1113 environments.toml:8:1 `${env:EMPTY_KEY}`, the key of `e`'s pseudonyms, is empty"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("refused")
    void refusesAtTheLineThatSetsIt(String kind, String phi, Map<String, String> process,
            String expected) {
        Result<PhiPolicy> policy = policy(environment(kind, phi), process);
        assertThat(policy.ok()).isFalse();
        assertThat(policy.diagnostics()).extracting(PhiPolicyTest::describe)
                .anySatisfy(d -> assertThat(d).startsWith(expected));
        assertThat(policy.diagnostics()).allSatisfy(d -> assertThat(d.toString())
                .doesNotContain(KEY));
    }

    static String describe(Diagnostic d) {
        return d.code().id() + " " + d.position() + " " + d.message();
    }
}
