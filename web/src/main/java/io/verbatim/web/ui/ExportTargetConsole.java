package io.verbatim.web.ui;

import io.verbatim.archive.ExportTarget;
import io.verbatim.archive.ExportTargetSpec;
import io.verbatim.archive.ExportTargets;
import io.verbatim.archive.ExportedRecording;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Exports page: a PBX's administrators' export targets (the operator's own, which take every PBX's recordings):
 * add one (SFTP or S3; its credentials taken, never shown), run it now or everything again, see what it had, remove it.
 */
@Named
@ViewScoped
public class ExportTargetConsole implements Serializable {

    @Inject
    ExportTargets targets;

    private transient List<ExportTarget> shown;
    private transient List<ExportedRecording> exported;
    private Long watched;
    /** The operator's choice: a PBX's targets, or (empty) the operator's own, which take every PBX's recordings. */
    private String pbx;

    private String name;
    private String kind = "sftp";
    private String host;
    private Integer port = 22;
    private String hostKey;
    private String endpoint;
    private String region;
    private String location;
    private String username;
    private String password;
    private String privateKey;
    private String secretKey;
    private String nameTemplate = ExportTargets.DEFAULT_TEMPLATE;
    private String owners;
    private String direction;
    private String dailyAt;
    private boolean deleteAfterExport;

    public List<ExportTarget> getTargets() {
        if (shown == null) {
            AtomicReference<List<ExportTarget>> read = new AtomicReference<>(List.of());
            Pages.attempt(() -> read.set(targets.list(pbx())));
            shown = read.get();
        }
        return shown;
    }

    public void add() {
        ExportTargetSpec spec = new ExportTargetSpec(name, kind, host, port, hostKey, endpoint, region, location, username,
                "sftp".equals(kind) ? password : null, "sftp".equals(kind) ? privateKey : null, "s3".equals(kind) ? secretKey : null,
                nameTemplate, null, null, List.copyOf(Pages.names(owners)), null, direction, null, null, deleteAfterExport, dailyAt);
        AtomicReference<ExportTarget> made = new AtomicReference<>();
        if (Pages.attempt(() -> made.set(targets.add(pbx(), spec)), "exports", Map.of())) {
            Pages.say("Export target " + made.get().getName() + " added (" + made.get().address() + "): run it now, or it runs "
                    + (made.get().getDailyAt() == null ? "when started" : "daily at " + made.get().getDailyAt()));
            clear();
            shown = null;
        }
    }

    /** A blank form for the next target (the secrets never stay in the view). */
    private void clear() {
        name = null;
        host = null;
        port = 22;
        hostKey = null;
        endpoint = null;
        region = null;
        location = null;
        username = null;
        password = null;
        privateKey = null;
        secretKey = null;
        nameTemplate = ExportTargets.DEFAULT_TEMPLATE;
        owners = null;
        direction = null;
        dailyAt = null;
        deleteAfterExport = false;
    }

    public void run(ExportTarget t, boolean again) {
        AtomicLong run = new AtomicLong();
        if (Pages.attempt(() -> run.set(targets.start(t.getId(), again)))) {
            Pages.say("Export to " + t.getName() + " started (run " + run.get() + "): its progress is on the Jobs page");
        }
    }

    public void remove(ExportTarget t) {
        if (Pages.attempt(() -> targets.remove(t.getId()))) {
            Pages.say("Export target " + t.getName() + " removed; what it had stays where it went");
            if (t.getId().equals(watched)) {
                watched = null;
                exported = null;
            }
            shown = null;
        }
    }

    public void watch(ExportTarget t) {
        watched = t.getId();
        exported = null;
    }

    public List<ExportedRecording> getExported() {
        if (watched == null) {
            return List.of();
        }
        if (exported == null) {
            AtomicReference<List<ExportedRecording>> read = new AtomicReference<>(List.of());
            Pages.attempt(() -> read.set(targets.exported(watched, 200)));
            exported = read.get();
        }
        return exported;
    }

    public ExportTarget getWatchedTarget() {
        return watched == null ? null : getTargets().stream().filter(t -> t.getId().equals(watched)).findFirst().orElse(null);
    }

    /** What a target takes, in words: its filter. */
    public String takes(ExportTarget t) {
        StringBuilder what = new StringBuilder(t.getOwners().isEmpty() ? "every owner" : String.join(", ", t.getOwners()));
        if (t.getDirection() != null) {
            what.append(", ").append(t.getDirection().toLowerCase(java.util.Locale.ROOT)).append(" calls");
        }
        if (t.isDeleteAfterExport()) {
            what.append("; erased here once exported");
        }
        return what.toString();
    }

    /** The operator picked another PBX (or their own): its targets, and what is added goes there. */
    public void pbxChosen() {
        shown = null;
        watched = null;
        exported = null;
    }

    private String pbx() {
        return pbx == null || pbx.isBlank() ? null : pbx;
    }

    public String getPbx() { return pbx; }
    public void setPbx(String pbx) { this.pbx = pbx; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getHostKey() { return hostKey; }
    public void setHostKey(String hostKey) { this.hostKey = hostKey; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPrivateKey() { return privateKey; }
    public void setPrivateKey(String privateKey) { this.privateKey = privateKey; }
    public String getSecretKey() { return secretKey; }
    public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
    public String getNameTemplate() { return nameTemplate; }
    public void setNameTemplate(String nameTemplate) { this.nameTemplate = nameTemplate; }
    public String getOwners() { return owners; }
    public void setOwners(String owners) { this.owners = owners; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getDailyAt() { return dailyAt; }
    public void setDailyAt(String dailyAt) { this.dailyAt = dailyAt; }
    public boolean isDeleteAfterExport() { return deleteAfterExport; }
    public void setDeleteAfterExport(boolean deleteAfterExport) { this.deleteAfterExport = deleteAfterExport; }
}
