package io.verbatim.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.alarm.AlarmClearedException;
import io.verbatim.alarm.NoSuchAlarmException;
import io.verbatim.audit.ExportGoneException;
import io.verbatim.audit.ExportNotReadyException;
import io.verbatim.directory.DirectoryConflictException;
import io.verbatim.ingest.CaptureConflictException;
import io.verbatim.ingest.CaptureRejectedException;
import io.verbatim.ingest.UnknownPbxException;
import io.verbatim.lifecycle.RecordingProtectedException;
import io.verbatim.mail.MailFailedException;
import io.verbatim.mail.MailNotSetUpException;
import io.verbatim.access.ActionDeniedException;
import io.verbatim.recording.NoSuchRecordingException;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.refusal.Refusal;
import io.verbatim.settings.InvalidSettingException;
import io.verbatim.storage.InsufficientStorageException;
import io.verbatim.storage.TooLargeException;
import io.verbatim.tenancy.OtherPbxException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    /** A refusal of the given kind, as a capability would raise it. */
    private static final class Refused extends Refusal {
        Refused(Kind kind) {
            super(kind, "why not, in words");
        }
    }

    @Test
    void everyKindOfRefusalIsAnsweredWithItsOwnStatus() {
        assertThat(Arrays.stream(Refusal.Kind.values()).map(ApiError::statusOf))
                .containsExactly(404, 409, 410, 400, 403, 413, 507, 502, 503)
                .doesNotHaveDuplicates();
    }

    /** What each refusal of the services is answered with: as the API answered it before there were kinds. */
    @Test
    void eachRefusalOfTheServicesKeepsItsStatus() {
        assertThat(ApiError.of(new NoSuchRecordingException(7)).status()).isEqualTo(404);
        assertThat(ApiError.of(new NoSuchEntryException("user bob")).status()).isEqualTo(404);
        assertThat(ApiError.of(new NoSuchAlarmException(3)).status()).isEqualTo(404);
        assertThat(ApiError.of(new UnknownPbxException("paris")).status()).isEqualTo(404);
        assertThat(ApiError.of(new DirectoryConflictException("taken")).status()).isEqualTo(409);
        assertThat(ApiError.of(new RecordingProtectedException(7)).status()).isEqualTo(409);
        assertThat(ApiError.of(new ExportNotReadyException("running")).status()).isEqualTo(409);
        assertThat(ApiError.of(new AlarmClearedException("over")).status()).isEqualTo(409);
        assertThat(ApiError.of(new MailNotSetUpException("no SMTP server")).status()).as("set it up first").isEqualTo(409);
        assertThat(ApiError.of(new CaptureConflictException("other bytes")).status()).isEqualTo(409);
        assertThat(ApiError.of(new MailFailedException("550 refused", null)).status()).isEqualTo(502);
        assertThat(ApiError.of(new ExportGoneException("deleted")).status()).isEqualTo(410);
        assertThat(ApiError.of(new InvalidSettingException("retentionDays must be ...")).status()).isEqualTo(400);
        assertThat(ApiError.of(new InvalidEntryException("numbers hold digits")).status()).isEqualTo(400);
        assertThat(ApiError.of(new CaptureRejectedException("not a capture")).status()).isEqualTo(400);
        assertThat(ApiError.of(new ActionDeniedException("read-only")).status()).isEqualTo(403);
        assertThat(ApiError.of(new OtherPbxException()).status()).as("as EJBAccessException answered it before").isEqualTo(403);
        assertThat(ApiError.of(new TooLargeException(1024)).status()).isEqualTo(413);
        assertThat(ApiError.of(new InsufficientStorageException("reserve")).status()).isEqualTo(507);
        assertThat(new InvalidSettingException("retentionDays must be between 0 and 11000").field()).isEqualTo("retentionDays");
    }

    @Test
    void theAnswerCarriesTheStatusItsNameAndTheRefusalsMessage() {
        ApiError gone = ApiError.of(new Refused(Refusal.Kind.GONE));
        assertThat(gone).isEqualTo(new ApiError(410, "Gone", "why not, in words"));
        // JAX-RS names no 507: the answer still says what it is
        ApiError full = ApiError.of(new Refused(Refusal.Kind.NO_SPACE));
        assertThat(full).isEqualTo(new ApiError(507, "Insufficient Storage", "why not, in words"));
    }
}
