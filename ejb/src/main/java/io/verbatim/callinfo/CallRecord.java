package io.verbatim.callinfo;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the PBX says about one call: direction, the two parties, times and the call flow. */
@Entity
@Table(name = "call_record")
public class CallRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String pbx;

    /** Lower-case, as recordings store the conference GUID from their capture names. */
    @Column(name = "call_id", nullable = false, length = 64)
    private String callId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Direction direction;

    @Column(name = "local_number", length = 64)
    private String localNumber;

    @Column(name = "local_name", length = 255)
    private String localName;

    @Column(name = "remote_number", length = 64)
    private String remoteNumber;

    @Column(name = "remote_name", length = 255)
    private String remoteName;

    /** The numbers' digits, for searches that ignore how a number is written ({@link PhoneNumber}). */
    @Column(name = "local_digits", length = 64)
    private String localDigits;

    @Column(name = "remote_digits", length = 64)
    private String remoteDigits;

    @Column(name = "start_at")
    private Instant start;

    @Column(name = "connect_at")
    private Instant connect;

    @Column(name = "end_at")
    private Instant end;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_event", joinColumns = @JoinColumn(name = "call_record_id"))
    @OrderColumn(name = "position")
    private List<CallEvent> events = new ArrayList<>();

    protected CallRecord() {
    }

    CallRecord(String pbx, String callId) {
        this.pbx = pbx;
        this.callId = callId;
    }

    /** Takes what a (re)sent record says; a resend replaces the earlier version. */
    void update(CallRecordData data, Instant now) {
        this.direction = data.direction();
        this.localNumber = data.localNumber();
        this.localName = data.localName();
        this.remoteNumber = data.remoteNumber();
        this.remoteName = data.remoteName();
        this.localDigits = PhoneNumber.digits(data.localNumber());
        this.remoteDigits = PhoneNumber.digits(data.remoteNumber());
        this.start = data.start();
        this.connect = data.connect();
        this.end = data.end();
        this.receivedAt = now;
        this.events.clear();
        if (data.events() != null) {
            data.events().forEach(e -> events.add(new CallEvent(e.type(), e.at(), e.number(), e.name(), e.user())));
        }
    }

    /** A party of the call as people read it: a name, a number, or both. */
    public record Party(String name, String number) {

        /** "Acme GmbH (+4989123456)", the name or the number alone, or empty when the PBX named neither. */
        public String label() {
            if (name != null && number != null && !name.equals(number)) {
                return name + " (" + number + ")";
            }
            return name != null ? name : number != null ? number : "";
        }
    }

    /** Who called: the remote party of an inbound call, else our side. */
    public Party from() {
        return direction == Direction.INBOUND ? new Party(remoteName, remoteNumber) : new Party(localName, localNumber);
    }

    /** Who was called: our side of an inbound call, else the remote party. */
    public Party to() {
        return direction == Direction.INBOUND ? new Party(localName, localNumber) : new Party(remoteName, remoteNumber);
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getCallId() { return callId; }
    public Direction getDirection() { return direction; }
    public String getLocalNumber() { return localNumber; }
    public String getLocalName() { return localName; }
    public String getRemoteNumber() { return remoteNumber; }
    public String getRemoteName() { return remoteName; }
    public Instant getStart() { return start; }
    public Instant getConnect() { return connect; }
    public Instant getEnd() { return end; }
    public Instant getReceivedAt() { return receivedAt; }
    public List<CallEvent> getEvents() { return List.copyOf(events); }
}
