package io.asmkit.core.frontend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class FrontendDependencyTest {

  @Test
  void frontEndHelpersSeeOnlyTheDomainTheInboundPortsAndTheJdk() {
    JavaClasses frontend =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.asmkit.core.frontend");

    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.asmkit.core.frontend..",
            "io.asmkit.core.domain..",
            "io.asmkit.core.port.in..",
            "java..")
        .check(frontend);
  }
}
