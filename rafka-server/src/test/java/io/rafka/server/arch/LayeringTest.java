package io.rafka.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Ratis stays in one room: only the raft package may touch it. */
class LayeringTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.rafka");

  @Test
  void onlyTheRaftPackageUsesRatis() {
    noClasses().that().resideOutsideOfPackage("io.rafka.server.raft..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.ratis..")
        .check(SERVER);
  }

  @Test
  void theClientDoesNotDependOnTheServer() {
    noClasses().that().resideInAPackage("io.rafka.client..")
        .should().dependOnClassesThat().resideInAPackage("io.rafka.server..")
        .check(SERVER);
  }

  @Test
  void clientInternalsStayInternal() {
    noClasses().that().resideOutsideOfPackages("io.rafka.client..")
        .should().dependOnClassesThat().resideInAPackage("io.rafka.client..internals..")
        .check(SERVER);
  }
}
