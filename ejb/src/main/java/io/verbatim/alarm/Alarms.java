package io.verbatim.alarm;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Raises, clears and acknowledges alarms, each step written to the action log and told to whoever listens (the alarm
 * mail). Alarms are the deployment's, so only the operator (an administrator in no PBX) sees and acknowledges them.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Alarms {

    private static final Logger LOG = Logger.getLogger(Alarms.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ActionLog actionLog;

    @Inject
    Caller caller;

    @Inject
    Event<AlarmChanged> changes;

    /**
     * The condition holds: raises its alarm, or brings the detail of the one already raised up to date (without a new
     * entry or mail: the alarm is the same). Two nodes raising it at once make one alarm (a unique active key).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void raise(AlarmCondition condition, String subject, String detail) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Optional<Alarm> active = active(condition, subject);
        if (active.isPresent()) {
            active.get().update(detail, now);
            return;
        }
        Alarm alarm = new Alarm(condition, subject, detail, now);
        em.persist(alarm);
        em.flush(); // another node's alarm for the same condition fails here, and this transaction with it
        actionLog.recordAs(ActionLog.SERVER, null, Action.ALARM_RAISED, Outcome.SUCCESS, alarm.title() + ": " + alarm.getDetail());
        LOG.warning("Alarm raised: " + alarm.title() + ": " + alarm.getDetail());
        changes.fire(new AlarmChanged(alarm.getId(), condition, alarm.title(), alarm.getDetail(), true, now));
    }

    /** Raises an alarm about something that happens once (a failed run): never again after it ended. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void raiseOnce(AlarmCondition condition, String subject, String detail) {
        boolean raisedBefore = !em.createQuery("select a.id from Alarm a where a.condition = :condition and a.subject = :subject", Long.class)
                .setParameter("condition", condition).setParameter("subject", subject).setMaxResults(1).getResultList().isEmpty();
        if (!raisedBefore) {
            raise(condition, subject, detail);
        }
    }

    /** The condition no longer holds: clears its alarm, if one is raised. Event alarms wait for an acknowledgement. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void clear(AlarmCondition condition, String subject) {
        active(condition, subject).ifPresent(alarm -> end(alarm, ActionLog.SERVER, "the condition has passed"));
    }

    /** The alarms raised and not cleared, newest first; for the operator. */
    public List<Alarm> active() {
        operatorOnly();
        return em.createQuery("select a from Alarm a where a.clearedAt is null order by a.raisedAt desc", Alarm.class).getResultList();
    }

    /** The alarms a banner shows the caller: the active ones for the operator, none for anyone else. */
    public List<Alarm> forBanner() {
        return isOperator() ? active() : List.of();
    }

    /** The newest alarms, cleared ones included. */
    public List<Alarm> history(int limit) {
        operatorOnly();
        return em.createQuery("select a from Alarm a order by a.raisedAt desc, a.id desc", Alarm.class)
                .setMaxResults(limit).getResultList();
    }

    public Alarm get(long id) {
        operatorOnly();
        Alarm alarm = em.find(Alarm.class, id);
        if (alarm == null) {
            throw new NoSuchAlarmException(id);
        }
        return alarm;
    }

    /** One lamp per area: lit by its active alarms, steady once all of them are acknowledged. */
    public Map<AlarmCondition.Area, Lamp> lamps() {
        Map<AlarmCondition.Area, Lamp> lamps = new EnumMap<>(AlarmCondition.Area.class);
        for (AlarmCondition.Area area : AlarmCondition.Area.values()) {
            lamps.put(area, Lamp.OK);
        }
        for (Alarm alarm : active()) {
            AlarmCondition.Area area = alarm.getCondition().area();
            Lamp lamp = alarm.isAcknowledged() ? Lamp.ACKNOWLEDGED : Lamp.ALARM;
            if (lamp.ordinal() > lamps.get(area).ordinal()) {
                lamps.put(area, lamp);
            }
        }
        return lamps;
    }

    /** How many alarms of each condition are active: for the measurements, so no caller is needed. */
    public Map<AlarmCondition, Long> activeCounts() {
        Map<AlarmCondition, Long> counts = new EnumMap<>(AlarmCondition.class);
        for (AlarmCondition c : AlarmCondition.values()) {
            counts.put(c, 0L);
        }
        em.createQuery("select a.condition, count(a) from Alarm a where a.clearedAt is null group by a.condition", Object[].class)
                .getResultList().forEach(row -> counts.put((AlarmCondition) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * The operator has seen it: a condition alarm stays until its condition passes (its lamp no longer blinks), an
     * event alarm ends here.
     */
    @RolesAllowed("ADMIN")
    public Alarm acknowledge(long id) {
        Alarm alarm = get(id);
        if (!alarm.isActive()) {
            throw new AlarmClearedException("alarm " + id + " was cleared at " + alarm.getClearedAt() + "; there is nothing to acknowledge");
        }
        String by = caller.name();
        if (!alarm.isAcknowledged()) {
            alarm.acknowledge(by, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            actionLog.record(Action.ALARM_ACKNOWLEDGED, alarm.title() + ": " + alarm.getDetail());
        }
        if (alarm.getCondition().event()) {
            end(alarm, by, "acknowledged by " + by);
        }
        return alarm;
    }

    private void end(Alarm alarm, String by, String why) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        alarm.clear(now);
        actionLog.recordAs(by, null, Action.ALARM_CLEARED, Outcome.SUCCESS, alarm.title() + ": " + why);
        LOG.info("Alarm cleared: " + alarm.title() + " (" + why + ")");
        changes.fire(new AlarmChanged(alarm.getId(), alarm.getCondition(), alarm.title(), why, false, now));
    }

    private Optional<Alarm> active(AlarmCondition condition, String subject) {
        return em.createQuery("select a from Alarm a where a.activeKey = :key", Alarm.class)
                .setParameter("key", Alarm.key(condition, subject)).getResultStream().findFirst();
    }

    private boolean isOperator() {
        return caller.isOperator();
    }

    /** @throws EJBAccessException unless the caller is the operator, whom alarms and their mail are for */
    public void operatorOnly() {
        if (!isOperator()) {
            throw new EJBAccessException("alarms are the operator's: an administrator in no PBX");
        }
    }
}
