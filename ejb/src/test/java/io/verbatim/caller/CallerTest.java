package io.verbatim.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBAccessException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void nobodySignedInIsRefusedANameAndIsTheServerWithoutARequest() {
        Caller caller = new Caller();

        assertThat(caller.isSignedIn()).isFalse();
        assertThatThrownBy(caller::name).isInstanceOf(EJBAccessException.class).hasMessage("not authenticated");
        assertThat(caller.isOperator()).isFalse();
        assertThatThrownBy(caller::signedInTenant).as("nobody's null tenant is no operator's").isInstanceOf(EJBAccessException.class);
        assertThat(caller.address()).isEqualTo(Caller.SERVER);
        assertThat(caller.origin()).isEqualTo(Caller.SERVER);
    }

    @Test
    void theOperatorIsAnAdministratorInNoPbx() {
        Caller operator = signedIn("root", null, "ADMIN");
        Caller pbxAdministrator = signedIn("anna", "pbx-a", "ADMIN");
        Caller officer = signedIn("olga", null, "COMPLIANCE");

        assertThat(operator.isOperator()).isTrue();
        assertThat(pbxAdministrator.isOperator()).isFalse();
        assertThat(pbxAdministrator.tenant()).isEqualTo("pbx-a");
        assertThat(pbxAdministrator.signedInTenant()).isEqualTo("pbx-a");
        assertThat(operator.signedInTenant()).isNull();
        assertThat(officer.isOperator()).as("a deployment-wide officer administers nothing").isFalse();
    }

    @Test
    void onlyAnAdministratorViewsAsSomeoneAndTheActionLogSaysSo() {
        Caller administrator = signedIn("anna", "pbx-a", "ADMIN");
        administrator.from("192.0.2.7");
        administrator.viewAs("bob");
        Caller user = signedIn("bob", "pbx-a", "USER");
        user.from("192.0.2.8");
        user.viewAs("carol"); // a session attribute no user can set, and still ignored

        assertThat(administrator.viewingAs()).isEqualTo("bob");
        assertThat(administrator.origin()).isEqualTo("192.0.2.7 as bob");
        assertThat(user.viewingAs()).isNull();
        assertThat(user.origin()).isEqualTo("192.0.2.8");
    }

    @Test
    void rolesAreTheOnesTheRequestProved() {
        Caller caller = signedIn("sam", "pbx-a", "SUPERVISOR");

        assertThat(caller.inRole("SUPERVISOR")).isTrue();
        assertThat(caller.inRole("ADMIN")).isFalse();
        assertThat(caller.name()).isEqualTo("sam");
    }

    private static Caller signedIn(String name, String tenant, String role) {
        Caller caller = new Caller();
        caller.signedIn(name, tenant, Set.of(role));
        return caller;
    }
}
