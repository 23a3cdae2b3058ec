package io.verbatim.web.ui;

import io.verbatim.backup.BackupSummary;
import io.verbatim.backup.Backups;
import io.verbatim.conversion.ConversionQueue;
import io.verbatim.imports.CaptureImports;
import io.verbatim.conversion.ConversionService;
import io.verbatim.jobs.JobName;
import io.verbatim.jobs.JobRun;
import io.verbatim.jobs.JobRuns;
import io.verbatim.lifecycle.Expiry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The Jobs page (administrators): recent runs with live status, starting the lifecycle jobs, stopping and restarting runs;
 * for the operator also backups and importing a folder of captures.
 */
@Named
@ViewScoped
public class JobsConsole implements Serializable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    JobRuns jobs;

    @Inject
    ConversionService conversions;

    @Inject
    Backups backups;

    @Inject
    CaptureImports imports;

    private String importFolder;
    private String importPbx;

    private List<JobRun> runs;
    private ConversionQueue queue;

    public ConversionQueue getQueue() {
        if (queue == null) {
            queue = conversions.queue();
        }
        return queue;
    }

    public List<JobRun> getRuns() {
        if (runs == null) {
            runs = jobs.recent(10);
        }
        return runs;
    }

    /** Re-reads the runs (the page polls while one is running). */
    public void refresh() {
        runs = null;
        queue = null;
    }

    public boolean isRunning() {
        return getRuns().stream().anyMatch(this::running);
    }

    public boolean running(JobRun run) {
        return run.status().equals("STARTING") || run.status().equals("STARTED") || run.status().equals("STOPPING");
    }

    public boolean restartable(JobRun run) {
        return run.status().equals("FAILED") || run.status().equals("STOPPED");
    }

    public List<String> getLifecycleJobs() {
        return Arrays.stream(Expiry.values()).map(policy -> JobName.of(policy).id()).toList();
    }

    /** What the confirmation says before a job is started by hand: how many recordings it would delete now. */
    public String confirmation(String job) {
        OptionalLong due = jobs.wouldDelete(job);
        if (due.isEmpty()) {
            return JobName.of(job).flatMap(JobName::policy).isPresent() ? "Its policy is off: it deletes nothing." : "It runs now.";
        }
        long n = due.getAsLong();
        return n == 0 ? "Nothing is due: it deletes no recording now."
                : "It deletes " + n + (n == 1 ? " recording" : " recordings") + " for good, now.";
    }

    public void start(String job) {
        if (Pages.attempt(() -> Pages.say(jobs.start(job).map(r -> job + " started (run " + r.executionId() + ")")
                .orElse(job + " is off: retention is 0 days")))) {
            refresh();
        }
    }

    public boolean isBackupsOn() {
        return backups.on();
    }

    /** Where backups go and the newest in a line, or that there is none yet. */
    public String getBackupSummary() {
        List<BackupSummary> all = new ArrayList<>();
        if (!Pages.attempt(() -> all.addAll(backups.list())) || all.isEmpty()) {
            return "none yet in " + backups.where() + ".";
        }
        BackupSummary newest = all.get(0);
        return all.size() + " kept in " + backups.where() + "; the newest, " + newest.kind() + ", of "
                + WHEN.format(newest.createdAt()) + ": " + newest.rows() + " rows, " + newest.blobsHere() + " of its "
                + newest.blobsNeeded() + " blobs in it, " + (newest.bytes() < 1_048_576 ? Math.max(1, newest.bytes() / 1024) + " KiB."
                : newest.bytes() / 1_048_576 + " MiB.");
    }

    public void backUp(String kind) {
        if (Pages.attempt(() -> Pages.say(kind + " backup started (run " + backups.start(kind) + ")"))) {
            refresh();
        }
    }

    public String getImportRoot() {
        return imports.root().toString();
    }

    public String getImportFolder() { return importFolder; }
    public void setImportFolder(String importFolder) { this.importFolder = importFolder; }
    public String getImportPbx() { return importPbx; }
    public void setImportPbx(String importPbx) { this.importPbx = importPbx; }

    public void importCaptures() {
        if (Pages.attempt(() -> Pages.say("Importing " + importFolder + " as PBX " + importPbx + " (run "
                + imports.start(importFolder, importPbx) + "); its exit status counts what was imported"), "jobs", Map.of())) {
            refresh();
        }
    }

    public void stop(JobRun run) {
        if (Pages.attempt(() -> jobs.stop(run.executionId()))) {
            refresh();
        }
    }

    public void restart(JobRun run) {
        if (Pages.attempt(() -> Pages.say("Run " + run.executionId() + " restarted as run " + jobs.restart(run.executionId()).executionId()))) {
            refresh();
        }
    }
}
