package io.verbatim.web.api.administration;

import io.verbatim.alarm.Alarm;
import java.time.Instant;

/** An alarm as the API shows it: {@code event} alarms end when acknowledged, the others when their condition passes. */
public record AlarmView(long id, String condition, String area, String title, String subject, String detail,
                        boolean event, boolean active, Instant raisedAt, Instant updatedAt, Instant clearedAt,
                        Instant acknowledgedAt, String acknowledgedBy) {

    static AlarmView of(Alarm a) {
        return new AlarmView(a.getId(), a.getCondition().name(), a.getCondition().area().name(), a.title(), a.getSubject(),
                a.getDetail(), a.getCondition().event(), a.isActive(), a.getRaisedAt(), a.getUpdatedAt(), a.getClearedAt(),
                a.getAcknowledgedAt(), a.getAcknowledgedBy());
    }
}
