package io.verbatim.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.refusal.Refusal;
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
    void everyKindOfRefusalIsAnsweredWithItsOwnClientOrPeerStatus() {
        assertThat(Arrays.stream(Refusal.Kind.values()).map(ApiError::statusOf))
                .containsExactly(404, 409, 410, 400, 403, 413, 507, 502)
                .doesNotHaveDuplicates();
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
