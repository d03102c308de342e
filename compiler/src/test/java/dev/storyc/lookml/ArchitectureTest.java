package dev.storyc.lookml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The LookML library is pure: text in, values out; the CLI and the loaders do the I/O. */
class ArchitectureTest {
    private static final JavaClasses LOOKML = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.storyc.lookml");

    @Test
    void lookmlDoesNoFileIoAndUsesNeitherJgitNorPicocli() {
        noClasses().that().resideInAPackage("dev.storyc.lookml..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.nio.file..", "java.io..", "org.eclipse.jgit..", "picocli..", "dev.storyc.cli..")
                .check(LOOKML);
    }

    @Test
    void syntaxDependsOnNoHigherLayer() {
        noClasses().that().resideInAPackage("dev.storyc.lookml.syntax..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.storyc.lookml.model..", "dev.storyc.lookml.json..", "dev.storyc.lookml.edit..",
                        "dev.storyc.lookml.dashboard..", "org.snakeyaml..")
                .check(LOOKML);
    }
}
