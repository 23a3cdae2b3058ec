package io.verbatim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.SessionContext;
import org.junit.jupiter.api.Test;

/** Rules of the code's shape that a test can hold, so they stay true. */
class ArchitectureTest {

    private static final JavaClasses VERBATIM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.verbatim");

    /**
     * A bean calling itself through its business view asks its own pool for a second instance while holding one:
     * with as many callers as the pool has instances, every one waits for ever (a burst of uploads on a freshly
     * started server did). Work that needs its own transaction belongs in a bean of its own.
     */
    @Test
    void noBeanCallsItsOwnPool() {
        noClasses().should().callMethod(SessionContext.class, "getBusinessObject", Class.class)
                .because("a bean re-entering its own pool deadlocks once the pool is exhausted")
                .check(VERBATIM);
    }
}
