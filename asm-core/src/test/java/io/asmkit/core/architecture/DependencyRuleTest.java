package io.asmkit.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the core, checked on its main classes; each rule is also shown to fail on
 * a small set of test classes that break it (package {@code architecture.violating}), so that a
 * rule whose packages no longer match anything cannot pass unnoticed.
 */
class DependencyRuleTest {

  private static final String CORE = "io.asmkit.core";
  private static final String VIOLATING = "io.asmkit.core.architecture.violating";

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CORE);

  private static final JavaClasses BROKEN =
      new ClassFileImporter().importPackages(VIOLATING, "io.asmkit.core.architecture.elsewhere");

  @Test
  void importsTheCoresMainClassesOnly() {
    assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct())
        .contains(
            CORE + ".domain",
            CORE + ".port.in",
            CORE + ".port.out",
            CORE + ".service",
            CORE + ".inmemory")
        .allMatch(name -> !name.startsWith(CORE + ".architecture"));
    assertThat(MAIN.stream().map(JavaClass::getSimpleName))
        .contains("CallService", "CallPort", "CallRef")
        .doesNotContain("CallPortContract", "DependencyRuleTest");
  }

  @Test
  void coreDependsOnlyOnItselfAndTheJdk() {
    onlyItselfAndTheJdk(CORE).check(MAIN);
  }

  @Test
  void portsNeverDependOnUseCaseImplementations() {
    portsIndependentOfImplementations(CORE).check(MAIN);
  }

  @Test
  void domainDependsOnNoOtherCorePackage() {
    domainStandsAlone(CORE).check(MAIN);
  }

  @Test
  void corePackagesHaveNoCycles() {
    noCycles(CORE).check(MAIN);
  }

  @Test
  void ruleOnlyItselfAndTheJdkCatchesLibrariesAndOurOtherPackages() {
    assertThatThrownBy(() -> onlyItselfAndTheJdk(VIOLATING).check(BROKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.assertj")
        .hasMessageContaining("io.asmkit.core.architecture.elsewhere.OurOtherModule");
  }

  @Test
  void rulePortsIndependentOfImplementationsCatchesAPortUsingTheInMemoryModel() {
    assertThatThrownBy(() -> portsIndependentOfImplementations(VIOLATING).check(BROKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PortUsingInMemory")
        .hasMessageContaining("PortUsingService");
  }

  @Test
  void ruleDomainStandsAloneCatchesADomainClassUsingAService() {
    assertThatThrownBy(() -> domainStandsAlone(VIOLATING).check(BROKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("DomainUsingService");
  }

  @Test
  void ruleNoCyclesCatchesTwoPackagesUsingEachOther() {
    assertThatThrownBy(() -> noCycles(VIOLATING).check(BROKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
  }

  private static ArchRule onlyItselfAndTheJdk(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(root + "..", "java..")
        .because("the core has no runtime dependencies and knows nothing of the adapters");
  }

  private static ArchRule portsIndependentOfImplementations(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".service..", root + ".inmemory..")
        .because("ports describe what is needed, not how the core or a fake provides it");
  }

  private static ArchRule domainStandsAlone(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(root + ".domain..", "java..")
        .because("the domain is used by every other package and uses none of them");
  }

  private static ArchRule noCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles();
  }
}
