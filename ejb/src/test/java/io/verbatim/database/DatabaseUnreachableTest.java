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
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnreachable.explains(new EJBException(new SQLIntegrityConstraintViolationException("dup", "23505"))))
                .isFalse();
        assertThat(DatabaseUnreachable.explains(new IllegalStateException("no"))).isFalse();
        assertThat(DatabaseUnreachable.explains(new SQLException("no state"))).isFalse();
    }
}
