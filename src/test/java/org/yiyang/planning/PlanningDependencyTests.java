package org.yiyang.planning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The planner's core knows no module but shared; only the selection adapter knows coverage. */
class PlanningDependencyTests {

    @Test
    void theCoreDependsOnSharedOnly() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yiyang.planning");
        // the rule below would pass vacuously on nothing: the planner's classes must be there
        assertThat(classes.stream().map(c -> c.getName())).contains("org.yiyang.planning.SitePlanner");
        noClasses().that().resideInAnyPackage("org.yiyang.planning", "org.yiyang.planning.internal")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.yiyang.coverage..", "org.yiyang.elder..", "org.yiyang.provider..", "org.yiyang.region..",
                        "org.yiyang.identity..", "org.yiyang.order..", "org.yiyang.dispatch..",
                        "org.springframework.context..", "org.springframework.beans..", "org.springframework.stereotype..",
                        "org.springframework.web..", "org.springframework.jdbc..")
                .check(classes);   // throws AssertionError naming each forbidden dependency
    }
}
