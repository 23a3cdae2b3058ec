package io.verbatim.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    @Test
    void aLostConnectionAnywhereInTheChainIsTheDatabaseBeingAway() {
        // PostgreSQL's driver on a stopped server: SQL state 08001 (refused) or 08006 (I/O error)
        assertThat(DatabaseUnreachable.explains(new EJBException(new RuntimeException(new SQLException("refused", "08001")))))
                .isTrue();
        assertThat(DatabaseUnreachable.explains(new RuntimeException(new SQLNonTransientConnectionException("gone")))).isTrue();
        // the next statement after the pool destroyed the connection (DatabaseDownIT met it): no SQL state at all
        assertThat(DatabaseUnreachable.explains(new RuntimeException("could not prepare statement",
                new SQLException("IJ031040: Connection is not associated with a managed connection: WrappedConnectionJDK8@3848702f"))))
                .isTrue();
        assertThat(DatabaseUnreachable.explains(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        // the database stopped while a transaction committed: the transaction manager's exception carries no cause
        assertThat(DatabaseUnreachable.explains(new EJBException(new jakarta.transaction.HeuristicMixedException()))).isTrue();
    }

    @Test
    void aChangeLostAsItCommittedIsNotSaidToBeUnmade() {
        assertThat(DatabaseUnreachable.messageFor(new EJBException(new SQLException("refused", "08001"))))
                .isEqualTo(DatabaseUnreachable.MESSAGE).contains("nothing was changed");
        assertThat(DatabaseUnreachable.messageFor(new EJBException(new jakarta.transaction.HeuristicMixedException())))
                .doesNotContain("nothing was changed").contains("may or may not have been made");
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnreachable.explains(new EJBException(new SQLIntegrityConstraintViolationException("dup", "23505"))))
                .isFalse();
        assertThat(DatabaseUnreachable.explains(new IllegalStateException("no"))).isFalse();
        assertThat(DatabaseUnreachable.explains(new SQLException("no state"))).isFalse();
    }

    @Test
    void anOutageIsRememberedUntilToldAndGoesOnIfItDidMeanwhile() {
        DatabaseUnreachable.outage().ifPresent(DatabaseUnreachable::forget);
        assertThat(DatabaseUnreachable.outage()).isEmpty();
        DatabaseUnreachable.explains(new SQLNonTransientConnectionException("gone"));
        DatabaseUnreachable.explains(new SQLException("refused", "08001"));
        DatabaseUnreachable.explains(new IllegalStateException("not the database"));
        DatabaseUnreachable.Outage told = DatabaseUnreachable.outage().orElseThrow();
        assertThat(told.failures()).isEqualTo(2);
        assertThat(told.last()).isAfterOrEqualTo(told.first());

        DatabaseUnreachable.explains(new SQLNonTransientConnectionException("still gone")); // while it was being told
        DatabaseUnreachable.forget(told);
        DatabaseUnreachable.Outage goesOn = DatabaseUnreachable.outage().orElseThrow();
        assertThat(goesOn.first()).isEqualTo(told.first());
        assertThat(goesOn.failures()).isEqualTo(3);
        DatabaseUnreachable.forget(goesOn);
        assertThat(DatabaseUnreachable.outage()).isEmpty();
    }
}
