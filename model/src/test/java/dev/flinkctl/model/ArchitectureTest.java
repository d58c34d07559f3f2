package dev.flinkctl.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model is pure: spec in, configuration and objects out. No Kubernetes or HTTP client, no
 * files, no clock, no environment, so that every platform can trust it and tests need no setup.
 */
class ArchitectureTest {
  static JavaClasses model;

  @BeforeAll
  static void importModel() {
    model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.flinkctl.model", "dev.flinkctl.api");
  }

  @Test
  void noClients() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.flinkctl.model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.fabric8.kubernetes.client..", "java.net.http..", "io.javaoperatorsdk..", "okhttp3..", "io.vertx..")
        .because("model is pure; talking to Kubernetes or Flink belongs to control, operator and local");
    rule.check(model);
  }

  @Test
  void noIo() {
    noClasses().that().resideInAPackage("dev.flinkctl.model..")
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
        .because("model reads and writes no files and no sockets: its callers pass text in")
        .check(model);
  }

  @Test
  void noClockNoEnvironment() {
    noClasses().that().resideInAnyPackage("dev.flinkctl.model..", "dev.flinkctl.api..")
        .should().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .orShould().callMethod(System.class, "getProperty", String.class)
        .because("time and environment are passed in, so the same input always gives the same output")
        .check(model);
  }

  @Test
  void apiDependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.flinkctl.api..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.flinkctl.model..", "dev.flinkctl.control..",
            "dev.flinkctl.local..", "dev.flinkctl.operator..", "dev.flinkctl.cli..")
        .check(model);
  }
}
