package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The remote a file in the output may name: a remote read from the process only in its user
 * information keeps the rest, one read from the process anywhere else is not written at all.
 */
class SharedRemoteTest {
    @TempDir Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://git.example/acme/out.git | https://git.example/acme/out.git",
        "https://ci:${env:REGION}@git.example/acme/out.git | https://ci:eu-west-1@git.example/acme/out.git",
        "https://git.example/${env:REGION}/out.git | ",
        "https://${env:REGION} | ",
        "https://git.example/acme/out.git?t=${env:REGION} | "})
    void aRemoteReadFromTheProcessOutsideItsUserInformationIsNotShared(String remote, String shared) {
        Environment prod = EnvironmentResolverTest.evaluate(temp, EnvironmentResolverTest.PROD
                        + "output.remote = \"" + remote + "\"\n")
                .get().environments().find("prod").orElseThrow();

        assertThat(prod.output().sharedRemote()).isEqualTo(Optional.ofNullable(shared));
        assertThat(prod.output().remote()).isPresent();
    }
}
