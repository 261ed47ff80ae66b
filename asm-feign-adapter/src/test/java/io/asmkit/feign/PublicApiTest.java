package io.asmkit.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The adapter's public types are exactly the agreed ones; everything else stays package-private.
 */
class PublicApiTest {

  @Test
  void exposesOnlyTheAgreedTypes() {
    Iterable<JavaClass> classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.asmkit.feign");

    assertThat(
            StreamSupport.stream(classes.spliterator(), false)
                .filter(JavaClass::isTopLevelClass)
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "AsmClient",
            "AsmBaseUrl",
            "AsmRequests",
            "PlannedRequest",
            "RetryPolicy",
            "ExchangeListener",
            "FixedToken",
            "PasswordLogin");
  }
}
