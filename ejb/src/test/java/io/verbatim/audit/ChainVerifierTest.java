package io.verbatim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123Z");

    /** A chain of {@code n} entries as {@link ActionLog} writes them. */
    static List<ActionLogEntry> chain(int n) {
        List<ActionLogEntry> entries = new ArrayList<>();
        String previous = ChainVerifier.GENESIS;
        for (int i = 1; i <= n; i++) {
            ActionLogEntry e = new ActionLogEntry(i, ActionLogEntry.DEPLOYMENT_CHAIN, i, T0.plusSeconds(i), "user" + (i % 3), "10.0.0." + i, Action.values()[i % Action.values().length],
                    Outcome.SUCCESS, i % 2 == 0 ? "pbx-a" : null, i % 4 == 0 ? null : (long) i, i % 5 == 0 ? null : "detail " + i, previous);
            entries.add(e);
            previous = e.getEntryHash();
        }
        return entries;
    }

    static ChainVerification verify(List<ActionLogEntry> entries, long headPosition, String headHash) {
        ChainVerifier verifier = new ChainVerifier(null);
        for (ActionLogEntry e : entries) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.result(headPosition, headHash);
    }

    static ChainVerification verify(List<ActionLogEntry> entries) {
        ActionLogEntry last = entries.get(entries.size() - 1);
        return verify(entries, last.getPosition(), last.getEntryHash());
    }

    /** What someone with write access to the database could do to a row. */
    static void overwrite(ActionLogEntry e, String field, Object value) throws ReflectiveOperationException {
        Field f = ActionLogEntry.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(e, value);
    }

    @Test
    void anUntouchedChainIsValid() {
        ChainVerification result = verify(chain(50));
        assertThat(result.valid()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(50);
        assertThat(result.firstBrokenEntry()).isNull();
    }

    @Test
    void anEmptyLogIsValid() {
        assertThat(verify(List.of(), 0, ChainVerifier.GENESIS).valid()).isTrue();
    }

    @Test
    void aChangedFieldBreaksTheChainAtThatEntry() throws ReflectiveOperationException {
        for (String field : List.of("actor", "origin", "detail", "pbx")) {
            List<ActionLogEntry> entries = chain(20);
            overwrite(entries.get(11), field, "forged");
            ChainVerification result = verify(entries);
            assertThat(result.valid()).as(field).isFalse();
            assertThat(result.firstBrokenEntry()).as(field).isEqualTo(12);
            assertThat(result.entriesChecked()).isEqualTo(11);
            assertThat(result.problem()).contains("entry 12 was changed");
        }
    }

    @Test
    void aChangedTimeActionOrRecordingBreaksTheChain() throws ReflectiveOperationException {
        List<ActionLogEntry> entries = chain(10);
        overwrite(entries.get(2), "occurredAt", T0.plusSeconds(3).plusMillis(1));
        assertThat(verify(entries).firstBrokenEntry()).isEqualTo(3);
        entries = chain(10);
        overwrite(entries.get(5), "action", Action.PLAY == entries.get(5).getAction() ? Action.DOWNLOAD : Action.PLAY);
        assertThat(verify(entries).firstBrokenEntry()).isEqualTo(6);
        entries = chain(10);
        overwrite(entries.get(6), "recordingId", 999L);
        assertThat(verify(entries).firstBrokenEntry()).isEqualTo(7);
        entries = chain(10);
        overwrite(entries.get(8), "outcome", Outcome.DENIED);
        assertThat(verify(entries).firstBrokenEntry()).isEqualTo(9);
    }

    @Test
    void aRowRewrittenWithAFreshHashStillBreaksTheNextLink() throws ReflectiveOperationException {
        List<ActionLogEntry> entries = chain(10);
        ActionLogEntry forged = entries.get(4);
        overwrite(forged, "detail", "nothing happened");
        overwrite(forged, "entryHash", forged.computeHash());
        ChainVerification result = verify(entries);
        assertThat(result.firstBrokenEntry()).isEqualTo(6);
        assertThat(result.problem()).contains("does not follow");
    }

    @Test
    void aRemovedEntryIsFound() {
        List<ActionLogEntry> entries = chain(10);
        entries.remove(3);
        ChainVerification result = verify(entries);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(4);
        assertThat(result.problem()).contains("entry 4 is missing");
    }

    @Test
    void removingTheNewestEntriesIsFoundThroughTheHead() {
        List<ActionLogEntry> entries = chain(10);
        ActionLogEntry last = entries.get(9);
        ChainVerification result = verify(entries.subList(0, 8), last.getPosition(), last.getEntryHash());
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(9);
        assertThat(result.entriesChecked()).isEqualTo(8);
    }

    @Test
    void fieldsCannotBeShiftedIntoOneAnother() {
        ActionLogEntry a = new ActionLogEntry(1, ActionLogEntry.DEPLOYMENT_CHAIN, 1, T0, "ab", "c", Action.PLAY, Outcome.SUCCESS, null, null, "", ChainVerifier.GENESIS);
        ActionLogEntry b = new ActionLogEntry(1, ActionLogEntry.DEPLOYMENT_CHAIN, 1, T0, "a", "bc", Action.PLAY, Outcome.SUCCESS, null, null, "", ChainVerifier.GENESIS);
        ActionLogEntry c = new ActionLogEntry(1, ActionLogEntry.DEPLOYMENT_CHAIN, 1, T0, "ab", "c", Action.PLAY, Outcome.SUCCESS, null, null, null, ChainVerifier.GENESIS);
        assertThat(a.getEntryHash()).isNotEqualTo(b.getEntryHash()).isNotEqualTo(c.getEntryHash());
        assertThat(a.getEntryHash()).matches("[0-9a-f]{64}");
    }

    /** Entries written before there were chains per PBX are in the deployment's chain, hashed as they were then. */
    @Test
    void theDeploymentsChainIsHashedAsTheLogWasBeforeChains() {
        ActionLogEntry a = new ActionLogEntry(1, ActionLogEntry.DEPLOYMENT_CHAIN, 1, T0, "ab", "c", Action.PLAY, Outcome.SUCCESS, null,
                null, "", ChainVerifier.GENESIS);
        assertThat(a.getEntryHash()).isEqualTo("86d6176b7ace08f7c3ea1f66260c67476e121ad6188f0fac92367b22917b6f4d");
        assertThat(a.getChain()).isNull();
    }

    /** An entry moved from one PBX's chain into another's (or the deployment's) no longer matches its hash. */
    @Test
    void aPbxsChainIsPartOfItsEntriesHashes() throws ReflectiveOperationException {
        ActionLogEntry a = new ActionLogEntry(7, "pbx-a", 1, T0, "ab", "c", Action.PLAY, Outcome.SUCCESS, "pbx-a", 3L, "",
                ChainVerifier.GENESIS);
        assertThat(a.computeHash()).isEqualTo(a.getEntryHash());
        overwrite(a, "chain", "pbx-b");
        assertThat(a.computeHash()).isNotEqualTo(a.getEntryHash());
        overwrite(a, "chain", ActionLogEntry.DEPLOYMENT_CHAIN);
        assertThat(a.computeHash()).isNotEqualTo(a.getEntryHash());
    }

    /** A PBX's chain is walked by its own positions (the order across chains has gaps in it) and named in the problem. */
    @Test
    void aBrokenPbxChainIsNamedInTheProblem() throws ReflectiveOperationException {
        List<ActionLogEntry> entries = new ArrayList<>();
        String previous = ChainVerifier.GENESIS;
        for (int i = 1; i <= 5; i++) {
            ActionLogEntry e = new ActionLogEntry(10L * i, "pbx-a", i, T0.plusSeconds(i), "u", "o", Action.PLAY, Outcome.SUCCESS,
                    "pbx-a", (long) i, null, previous);
            entries.add(e);
            previous = e.getEntryHash();
        }
        overwrite(entries.get(2), "actor", "someone-else");
        ChainVerifier verifier = new ChainVerifier("pbx-a");
        entries.forEach(verifier::accept);
        ChainVerification result = verifier.result(5, previous);
        assertThat(result.valid()).isFalse();
        assertThat(result.chain()).isEqualTo("pbx-a");
        assertThat(result.firstBrokenEntry()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("the chain of PBX pbx-a: entry 3 was changed after it was written");
    }

    @Test
    void actionWordsRoundTrip() {
        for (Action a : Action.values()) {
            assertThat(Action.of(a.word())).isEqualTo(a);
        }
        assertThat(Action.of("Failed-Login")).isEqualTo(Action.FAILED_LOGIN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Action.of("listen"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failed-login");
    }
}
