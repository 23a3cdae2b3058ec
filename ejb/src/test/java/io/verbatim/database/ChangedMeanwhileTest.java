package io.verbatim.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChangedMeanwhileTest {

    /** As the container reports a commit that met a newer version: the conflict two causes down. */
    static RuntimeException conflictAtCommit() {
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rolledBack.initCause(new OptimisticLockException("Row was updated or deleted by another transaction"));
        return new EJBTransactionRolledbackException("transaction rolled back", rolledBack);
    }

    @Test
    void aConflictAnywhereInTheChainIsAChangeMeanwhile() {
        assertThat(ChangedMeanwhile.explains(conflictAtCommit())).isTrue();
        assertThat(ChangedMeanwhile.explains(new EJBTransactionRolledbackException("constraint", new IllegalStateException()))).isFalse();
    }

    @Test
    void workThatMetAChangeIsDoneAgainOnWhatIsThereNow() {
        AtomicInteger attempts = new AtomicInteger();
        String done = ChangedMeanwhile.retried(() -> {
            if (attempts.incrementAndGet() < ChangedMeanwhile.ATTEMPTS) {
                throw conflictAtCommit();
            }
            return "stored";
        });
        assertThat(done).isEqualTo("stored");
        assertThat(attempts).hasValue(ChangedMeanwhile.ATTEMPTS);
    }

    @Test
    void workThatMeetsAChangeEachTimeEndsWithTheLastConflict() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ChangedMeanwhile.retried(() -> {
            attempts.incrementAndGet();
            throw conflictAtCommit();
        })).isInstanceOf(EJBTransactionRolledbackException.class);
        assertThat(attempts).hasValue(ChangedMeanwhile.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ChangedMeanwhile.retried(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a disk error");
        })).hasMessage("a disk error");
        assertThat(attempts).hasValue(1);
    }
}
