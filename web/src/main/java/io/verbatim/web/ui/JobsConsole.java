package io.verbatim.web.ui;

import io.verbatim.conversion.ConversionQueue;
import io.verbatim.conversion.ConversionService;
import io.verbatim.jobs.JobName;
import io.verbatim.jobs.JobRun;
import io.verbatim.jobs.JobRuns;
import io.verbatim.lifecycle.Expiry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** The Jobs page (administrators): recent runs with live status, starting the lifecycle jobs, stopping and restarting runs. */
@Named
@ViewScoped
public class JobsConsole implements Serializable {

    @Inject
    transient JobRuns jobs;

    @Inject
    transient ConversionService conversions;

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
