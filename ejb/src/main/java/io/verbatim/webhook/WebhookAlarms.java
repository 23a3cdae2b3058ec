package io.verbatim.webhook;

import io.verbatim.alarm.AlarmCondition;
import io.verbatim.alarm.Alarms;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** The operator's "Webhook disabled" alarm: raised when the sender disables a subscription, cleared when it is enabled or removed. */
@Stateless
@PermitAll
public class WebhookAlarms {

    @Inject
    Alarms alarms;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onHealth(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookHealth health) {
        String subject = "webhook " + health.subscriptionId();
        if (health.disabledBecause() == null) {
            alarms.clear(AlarmCondition.WEBHOOK_DISABLED, subject);
        } else {
            alarms.raise(AlarmCondition.WEBHOOK_DISABLED, subject, subject + " to " + health.url()
                    + (health.pbx() == null ? "" : " (PBX " + health.pbx() + ")") + " disabled: " + health.disabledBecause()
                    + ". Enable it again on the Webhooks page once its receiver answers; what it has not had waits.");
        }
    }
}
