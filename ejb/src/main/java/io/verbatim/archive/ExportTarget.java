package io.verbatim.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Where a PBX's recordings are exported (the operator's, {@code pbx} null: every PBX's): an SFTP server's folder or an
 * S3-compatible bucket's prefix, with the names the files get, what their metadata file holds, which recordings go, and
 * whether a recording exported there is erased here (its retention handed to the archive). The secret (password,
 * private key or S3 secret key) is kept encrypted with the master key and never shown again.
 */
@Entity
@Table(name = "export_target")
public class ExportTarget {

    /** How the files travel. */
    public enum Kind { SFTP, S3 }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String pbx;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    /** SFTP: the server, its port and its host key ({@code ssh-ed25519 AAAA…}, as in known_hosts), checked on every connection. */
    private String host;
    private Integer port;
    @Column(name = "host_key", length = 1000)
    private String hostKey;

    /** S3: the endpoint (empty: AWS) and the region. */
    @Column(length = 1000)
    private String endpoint;
    @Column(length = 64)
    private String region;

    /** SFTP: the folder; S3: {@code bucket} or {@code bucket/prefix}. */
    @Column(nullable = false, length = 1000)
    private String location;

    /** SFTP: the user; S3: the access key id. */
    @Column(nullable = false)
    private String username;

    /** The password, private key or secret key, encrypted with the master key. */
    @Column(nullable = false, length = 16000)
    private String secret;

    @Column(name = "name_template", nullable = false, length = 500)
    private String nameTemplate;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "metadata_items", nullable = false, length = 1000)
    private String metadataItems;

    /** Filters, each optional: owners and groups (comma-separated names), direction, recorded from and until. */
    @Column(length = 2000)
    private String owners;
    @Column(name = "owner_groups", length = 2000)
    private String groups;
    @Column(length = 16)
    private String direction;
    @Column(name = "recorded_from")
    private Instant recordedFrom;
    @Column(name = "recorded_until")
    private Instant recordedUntil;

    @Column(name = "delete_after_export", nullable = false)
    private boolean deleteAfterExport;

    /** Every day at this time (HH:mm, in {@link #timeZone}), or only when started. */
    @Column(name = "daily_at", length = 5)
    private String dailyAt;

    @Column(name = "last_scheduled_at")
    private Instant lastScheduledAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected ExportTarget() {
    }

    ExportTarget(String pbx, String name, Kind kind, String createdBy, Instant createdAt) {
        this.pbx = pbx;
        this.name = name;
        this.kind = kind;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void sftp(String host, int port, String hostKey) {
        this.host = host;
        this.port = port;
        this.hostKey = hostKey;
    }

    void s3(String endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    void place(String location, String username, String encryptedSecret) {
        this.location = location;
        this.username = username;
        this.secret = encryptedSecret;
    }

    void naming(String nameTemplate, String timeZone, List<String> metadataItems) {
        this.nameTemplate = nameTemplate;
        this.timeZone = timeZone;
        this.metadataItems = String.join(",", metadataItems);
    }

    void filter(String owners, String groups, String direction, Instant recordedFrom, Instant recordedUntil) {
        this.owners = owners;
        this.groups = groups;
        this.direction = direction;
        this.recordedFrom = recordedFrom;
        this.recordedUntil = recordedUntil;
    }

    void handling(boolean deleteAfterExport, String dailyAt) {
        this.deleteAfterExport = deleteAfterExport;
        this.dailyAt = dailyAt;
    }

    void scheduled(Instant at) {
        this.lastScheduledAt = at;
    }

    /** Where it sends, for people and the action log: {@code sftp://user@host:22/folder} or {@code s3://bucket/prefix}. */
    public String address() {
        return kind == Kind.SFTP ? "sftp://" + username + "@" + host + ":" + port + "/" + location.replaceFirst("^/", "")
                : "s3://" + location + (endpoint == null ? "" : " at " + endpoint);
    }

    /** The target in words for messages and logs: id, name and address. */
    public String describe() {
        return "export target " + id + " " + name + " (" + address() + ")";
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public String getHost() { return host; }
    public Integer getPort() { return port; }
    public String getHostKey() { return hostKey; }
    public String getEndpoint() { return endpoint; }
    public String getRegion() { return region; }
    public String getLocation() { return location; }
    public String getUsername() { return username; }
    String getSecret() { return secret; }
    public String getNameTemplate() { return nameTemplate; }
    public String getTimeZone() { return timeZone; }
    public List<String> getMetadataItems() { return Arrays.asList(metadataItems.split(",")); }
    public List<String> getOwners() { return split(owners); }
    public List<String> getGroups() { return split(groups); }
    public String getDirection() { return direction; }
    public Instant getRecordedFrom() { return recordedFrom; }
    public Instant getRecordedUntil() { return recordedUntil; }
    public boolean isDeleteAfterExport() { return deleteAfterExport; }
    public String getDailyAt() { return dailyAt; }
    public Instant getLastScheduledAt() { return lastScheduledAt; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }

    private static List<String> split(String names) {
        return names == null || names.isBlank() ? List.of() : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }
}
