package io.verbatim.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.CallRecordData;
import io.verbatim.callinfo.Direction;
import io.verbatim.settings.InvalidSettingException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names a recording's files get for people: time in the reader's zone, direction, the other party. */
class RecordingFileNameTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2026-12-03T13:35:07Z"); // 14:35 in Berlin

    @Test
    void anOutboundCallIsNamedByItsTimeDirectionAndTheOtherParty() throws Exception {
        Recording r = converted(42);
        matched(r, Direction.OUTBOUND, "+4989123456", "Acme GmbH");
        assertThat(RecordingFileName.of(r, BERLIN)).isEqualTo("2026-12-03_1435_out_+4989123456_Acme-GmbH");
        assertThat(RecordingFileName.of(r, ZoneId.of("UTC"))).isEqualTo("2026-12-03_1335_out_+4989123456_Acme-GmbH");
    }

    @Test
    void aPartyWithoutANameOrNumberDropsOutWithItsSeparator() throws Exception {
        Recording r = converted(42);
        matched(r, Direction.INBOUND, null, "Müller & Söhne / Vertrieb");
        assertThat(RecordingFileName.of(r, BERLIN)).isEqualTo("2026-12-03_1435_in_Müller-Söhne-Vertrieb");
        matched(r, Direction.INBOUND, "+4930111", null);
        assertThat(RecordingFileName.of(r, BERLIN)).isEqualTo("2026-12-03_1435_in_+4930111");
    }

    @Test
    void withoutACallRecordTheTimeAndTheIdNameIt() {
        assertThat(RecordingFileName.of(converted(42), BERLIN)).isEqualTo("2026-12-03_1435_recording-42");
    }

    @Test
    void aTemplateMakesFoldersAndTakesTheRecordingsOwnFields() throws Exception {
        Recording r = converted(7);
        matched(r, Direction.OUTBOUND, "+4989123456", "Acme GmbH");
        assertThat(RecordingFileName.of("{yyyy}/{MM}/{dd}/{direction}_{remote}_{callId}", r, BERLIN))
                .isEqualTo("2026/12/03/out_+4989123456_0123abcd");
        assertThat(RecordingFileName.of("{pbx}/{owner}/{HH}{mm}{ss}-{id}", r, BERLIN)).isEqualTo("pbx.example.com/alice/143507-7");
    }

    @Test
    void aTemplateThatCannotMakeASafeNameIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> RecordingFileName.check("{yyyy}/{caller}", "nameTemplate")).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("nameTemplate has no field {caller}; known: ").hasMessageContaining("{remote}");
        assertThatThrownBy(() -> RecordingFileName.check("../{id}", "nameTemplate")).hasMessageContaining("without ..");
        assertThatThrownBy(() -> RecordingFileName.check("/{id}", "nameTemplate")).hasMessageContaining("relative path");
        assertThatThrownBy(() -> RecordingFileName.check(" ", "nameTemplate")).hasMessageStartingWith("nameTemplate is empty");
    }

    @Test
    void theAsciiFormKeepsWhatAPlainHeaderCanCarry() {
        assertThat(RecordingFileName.ascii("2026-12-03_1435_in_Müller-Søren.wav")).isEqualTo("2026-12-03_1435_in_Muller-S_ren.wav");
    }

    private static Recording converted(long id) {
        Recording r = new Recording("pbx.example.com", "0123abcd-009033aabbcc-1--alice.pcap", "0123abcd", "009033aabbcc", "1",
                "alice", START.plusSeconds(90), "sha256:" + "0".repeat(64), 1000, "0".repeat(64));
        r.converted("audio", 44, "0".repeat(64), "stereo-wav", START, 60, "PCMA", null);
        set(r, "id", id);
        return r;
    }

    /** The call record as the database joins it to the recording (by PBX and call id). */
    private static void matched(Recording r, Direction direction, String remoteNumber, String remoteName) throws Exception {
        Constructor<CallRecord> made = CallRecord.class.getDeclaredConstructor(String.class, String.class);
        made.setAccessible(true);
        CallRecord record = made.newInstance(r.getPbx(), r.getCallId());
        Method update = CallRecord.class.getDeclaredMethod("update", CallRecordData.class, Instant.class);
        update.setAccessible(true);
        update.invoke(record, new CallRecordData(r.getCallId(), r.getPbx(), direction, "201", "Alice", remoteNumber, remoteName,
                START, START, START.plusSeconds(60), List.of()), Instant.now());
        set(r, "callRecord", record);
    }

    private static void set(Recording r, String field, Object value) {
        try {
            Field f = Recording.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(r, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
