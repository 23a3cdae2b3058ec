package io.verbatim.callinfo;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a call's flow: what happened, when, and to which number, name or user. */
@Embeddable
public class CallEvent {

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 32)
    private CallEventType type;

    @Column(name = "at")
    private Instant at;

    @Column(length = 64)
    private String number;

    @Column(length = 255)
    private String name;

    @Column(length = 255)
    private String username;

    protected CallEvent() {
    }

    public CallEvent(CallEventType type, Instant at, String number, String name, String username) {
        this.type = type;
        this.at = at;
        this.number = number;
        this.name = name;
        this.username = username;
    }

    public CallEventType getType() { return type; }
    public Instant getAt() { return at; }
    public String getNumber() { return number; }
    public String getName() { return name; }
    public String getUsername() { return username; }
}
