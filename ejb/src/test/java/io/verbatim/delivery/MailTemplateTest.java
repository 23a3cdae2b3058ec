package io.verbatim.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.settings.InvalidSettingException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

    @Test
    void fieldsWithoutValuesLeaveNoGapsOrEmptyBrackets() {
        Map<String, String> values = new HashMap<>(Map.of("date", "2026-12-06", "time", "14:35", "direction", "inbound",
                "remote", "+4989123456", "duration", "1:05"));
        values.put("remoteName", "");
        assertThat(MailTemplate.fill(MailTemplate.DEFAULT_SUBJECT, values))
                .isEqualTo("Call recording: 2026-12-06 14:35 inbound call +4989123456 (1:05)");
        values.put("duration", "");
        values.put("remote", null);
        assertThat(MailTemplate.fill(MailTemplate.DEFAULT_SUBJECT, values)).isEqualTo("Call recording: 2026-12-06 14:35 inbound call");
        assertThat(MailTemplate.fill("{direction} call {remoteName} {remote}, {date}", values)).isEqualTo("inbound call, 2026-12-06");
    }

    @Test
    void aBodyKeepsItsLinesAndOneBlankLineAtMost() {
        String body = MailTemplate.fill("Remote: {remoteName} {remote}\nLocal: {localName}\n\n\n\n{audio}\n",
                Map.of("remoteName", "Jürgen Groß", "remote", "+4930123456", "audio", "The recording is attached: x.mp3 (0.1 MB)."));
        assertThat(body).isEqualTo("Remote: Jürgen Groß +4930123456\nLocal:\n\nThe recording is attached: x.mp3 (0.1 MB).");
        assertThat(MailTemplate.fill("cost {remote} $1 \\ back", Map.of("remote", "$2\\"))).isEqualTo("cost $2\\ $1 \\ back");
    }

    @Test
    void anUnknownFieldOrAnOverlongTemplateIsRefusedByName() {
        assertThatThrownBy(() -> MailTemplate.check("Call {caller}", "subjectTemplate", 500))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("subjectTemplate has no field {caller}; known: {audio}");
        assertThatThrownBy(() -> MailTemplate.check("x".repeat(501), "subjectTemplate", 500))
                .hasMessage("subjectTemplate is longer than 500 characters");
        MailTemplate.check(MailTemplate.DEFAULT_BODY, "bodyTemplate", MailTemplate.BODY_LENGTH);
        MailTemplate.check(MailTemplate.DEFAULT_SUBJECT + " {link} {id} {callId} {owner} {pbx}", "subjectTemplate", 500);
    }

    @Test
    void durationsReadAsThePagesShowThem() {
        assertThat(MailTemplate.duration(null)).isEmpty();
        assertThat(MailTemplate.duration(64.6)).isEqualTo("1:05");
        assertThat(MailTemplate.duration(3723.0)).isEqualTo("1:02:03");
    }

    @Test
    void aFailedMailIsTriedAgainLaterAndLaterForADayThenGivenUp() {
        MailTimes times = new MailTimes();
        Instant created = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(Duration.between(created, times.next(created, 1, created))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.between(created, times.next(created, 2, created))).isEqualTo(Duration.ofMinutes(4));
        assertThat(Duration.between(created, times.next(created, 4, created))).isEqualTo(Duration.ofHours(1));
        Instant late = created.plus(Duration.ofHours(23).plusMinutes(50));
        assertThat(times.next(created, 9, late)).as("the last attempt at the day's end").isEqualTo(created.plus(MailTimes.WINDOW));
        assertThat(times.next(created, 10, created.plus(MailTimes.WINDOW))).isNull();
        assertThatThrownBy(() -> MailTimes.firstRetry("soon")).hasMessageContaining("VERBATIM_MAIL_FIRST_RETRY must be an ISO-8601");
    }
}
