package io.verbatim.alarm;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One alarm, from raised to cleared; its detail follows the condition while it lasts. */
@Entity
@Table(name = "alarm")
public class Alarm implements Serializable {

    static final int DETAIL_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "alarm_condition", nullable = false, length = 40)
    private AlarmCondition condition;

    /** What it is about within its condition (a node, a job), empty when the condition is the server's as a whole. */
    @Column(nullable = false, length = 200)
    private String subject;

    @Column(nullable = false, length = DETAIL_LENGTH)
    private String detail;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by", length = 255)
    private String acknowledgedBy;

    @Column(name = "active_key", length = 255)
    private String activeKey;

    @Version
    private long version;

    protected Alarm() {
    }

    Alarm(AlarmCondition condition, String subject, String detail, Instant now) {
        this.condition = condition;
        this.subject = subject;
        this.detail = clip(detail);
        this.raisedAt = now;
        this.updatedAt = now;
        this.activeKey = key(condition, subject);
    }

    static String key(AlarmCondition condition, String subject) {
        return condition.name() + ":" + subject;
    }

    /** @return whether the detail changed */
    boolean update(String newDetail, Instant now) {
        String clipped = clip(newDetail);
        if (clipped.equals(detail)) {
            return false;
        }
        detail = clipped;
        updatedAt = now;
        return true;
    }

    void clear(Instant now) {
        clearedAt = now;
        activeKey = null;
    }

    void acknowledge(String by, Instant now) {
        acknowledgedBy = by;
        acknowledgedAt = now;
    }

    private static String clip(String text) {
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    public Long getId() { return id; }
    public AlarmCondition getCondition() { return condition; }
    public String getSubject() { return subject; }
    public String getDetail() { return detail; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getClearedAt() { return clearedAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public boolean isActive() { return clearedAt == null; }
    public boolean isAcknowledged() { return acknowledgedAt != null; }

    /** The alarm in a line: its condition's title and, when there is one, its subject. */
    public String title() {
        return condition.title() + (subject.isEmpty() ? "" : " (" + subject + ")");
    }
}
