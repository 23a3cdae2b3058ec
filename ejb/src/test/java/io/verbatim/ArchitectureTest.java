package io.verbatim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.verbatim.refusal.Refusal;
import io.verbatim.settings.SettingDeclarations;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBContext;
import jakarta.ejb.SessionContext;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules of the code's shape that a test can hold, so they stay true (docs/architecture.md explains them). */
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

    /**
     * Who is calling is learnt once per request, as it is authenticated, and read from {@code Caller}: a capability
     * asking the container itself would be a second answer that could disagree (view-as, the tenant).
     */
    @Test
    void whoIsCallingIsReadFromTheCaller() {
        noClasses().should().callMethod(EJBContext.class, "getCallerPrincipal")
                .orShould().callMethod(EJBContext.class, "isCallerInRole", String.class)
                .orShould().callMethod(SessionContext.class, "getCallerPrincipal")
                .orShould().callMethod(SessionContext.class, "isCallerInRole", String.class)
                .because("io.verbatim.caller.Caller says who is calling, once").check(VERBATIM);
    }

    /**
     * The settings capability finds the others' settings through the services file, not by depending on them: a
     * declaring class not named there would be a setting nobody can set.
     */
    @Test
    void everyCapabilitysSettingsAreFoundBySettings() {
        Set<String> listed = ServiceLoader.load(SettingDeclarations.class).stream().map(found -> found.type().getName())
                .collect(Collectors.toSet());
        Set<String> declaring = VERBATIM.stream().filter(c -> c.isAssignableTo(SettingDeclarations.class) && !c.isInterface())
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(declaring).isNotEmpty();
        assertThat(listed).as("META-INF/services/" + SettingDeclarations.class.getName()).isEqualTo(declaring);
    }

    /** The media engine is plain Java: it runs in pcap2wav and the benchmark as it does in the server. */
    @Test
    void mediaNeedsNoContainerAndNoOtherCapability() {
        noClasses().that().resideInAPackage("io.verbatim.media..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ejb..", "javax.persistence..")
                .orShould().dependOnClassesThat(outside("io.verbatim.media"))
                .because("media is the engine the rest uses, never the other way round")
                .check(VERBATIM);
    }

    /**
     * The rest of Verbatim uses the engine through its root package only (converter, result, output format and the two
     * failures); the stages below it are free to change.
     */
    @Test
    void outsideCodeUsesOnlyTheMediaRoot() {
        noClasses().that().resideOutsideOfPackage("io.verbatim.media..")
                .should().dependOnClassesThat(DescribedPredicate.describe("classes of media's stages",
                        c -> c.getPackageName().startsWith("io.verbatim.media.")))
                .because("media's stages are its own business").check(VERBATIM);
    }

    /**
     * The stages point one way (capture, RTP, codecs and DSP below rendering, output on top, the root above all): no
     * stage uses the root but the command line's tool, the stages are free of cycles, and so are the codecs, and the
     * codec interface knows no codec.
     */
    @Test
    void mediaStagesPointOneWay() {
        noClasses().that().resideInAPackage("io.verbatim.media.*..").and().resideOutsideOfPackage("io.verbatim.media.tool..")
                .should().dependOnClassesThat().resideInAPackage("io.verbatim.media")
                .because("the root assembles the stages; a stage that used it would go round in a circle").check(VERBATIM);
        slices().matching("io.verbatim.media.(*)..").should().beFreeOfCycles().check(VERBATIM);
        slices().matching("io.verbatim.media.codec.(*)..").should().beFreeOfCycles().check(VERBATIM);
        noClasses().that().resideInAPackage("io.verbatim.media.codec")
                .should().dependOnClassesThat().resideInAPackage("io.verbatim.media.codec.*..")
                .because("a codec plugs into the interface, never the other way round").check(VERBATIM);
    }

    /**
     * Storage knows bytes only; crypto wraps storage and nothing else of ours; the shared kernel (who is calling, the
     * refusals) depends on nothing of ours, so that every capability may use it without using another; the PBX
     * registry needs only the kernel, so that people, settings and devices can all ask it which PBX is meant.
     */
    @Test
    void storageCryptoTheKernelAndThePbxRegistryAreLeaves() {
        for (String kernel : new String[] {"io.verbatim.caller", "io.verbatim.refusal"}) {
            noClasses().that().resideInAPackage(kernel + "..").should().dependOnClassesThat(outside(kernel))
                    .because("the shared kernel ties no capability to another").check(VERBATIM);
        }
        noClasses().that().resideInAPackage("io.verbatim.storage..")
                .should().dependOnClassesThat(outside("io.verbatim.storage", "io.verbatim.refusal"))
                .because("whose bytes they are is decided above the store").check(VERBATIM);
        noClasses().that().resideInAPackage("io.verbatim.crypto..")
                .should().dependOnClassesThat(outside("io.verbatim.crypto", "io.verbatim.storage", "io.verbatim.refusal"))
                .because("keys and hashes need no capability").check(VERBATIM);
        noClasses().that().resideInAPackage("io.verbatim.tenancy..")
                .should().dependOnClassesThat(outside("io.verbatim.tenancy", "io.verbatim.caller", "io.verbatim.refusal"))
                .because("which PBXs there are is asked by every capability that keeps things per PBX").check(VERBATIM);
    }

    /**
     * What a capability refuses is a {@link Refusal}, so the API and every page answer it by its kind without knowing
     * it; and each says whether it undoes the transaction, or the container would wrap it and it would reach nobody as
     * the refusal it is. Media stands apart: it uses nothing of ours, and conversion turns its failures into a reason.
     */
    @Test
    void everyRefusalIsOneKindOfRefusalAndReachesTheCallerAsItIs() {
        classes().that().resideInAPackage("io.verbatim..").and().resideOutsideOfPackage("io.verbatim.media..")
                .and().areAssignableTo(RuntimeException.class)
                .should().beAssignableTo(Refusal.class)
                .because("an edge maps a refusal by its kind, and only that").check(VERBATIM);
        classes().that().areAssignableTo(Refusal.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should().beAnnotatedWith(ApplicationException.class)
                .because("otherwise the container wraps it in an EJBException and logs it as a failure").check(VERBATIM);
    }

    /**
     * Capabilities point one way: none reaches itself through others, so each can be read, tested and changed knowing
     * only what it uses (docs/architecture.md lists them, lowest first). Where two needed each other, one announces an
     * event the other observes, or what both need moved into a leaf (caller, refusal, tenancy).
     */
    @Test
    void capabilitiesAreFreeOfCycles() {
        slices().matching("io.verbatim.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two capabilities one that cannot be understood apart").check(VERBATIM);
    }

    private static DescribedPredicate<JavaClass> outside(String... ours) {
        return DescribedPredicate.describe("Verbatim classes outside " + String.join(", ", ours),
                c -> c.getPackageName().startsWith("io.verbatim") && Arrays.stream(ours)
                        .noneMatch(p -> c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")));
    }
}
