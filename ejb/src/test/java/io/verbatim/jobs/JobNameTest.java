package io.verbatim.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.lifecycle.Expiry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobNameTest {

    @Test
    void everyJobIsAJobFileOfTheBatchModuleAndEveryJobFileIsAJob() throws Exception {
        Path jobs = Path.of("..", "batch", "src", "main", "resources", "META-INF", "batch-jobs");
        for (JobName job : JobName.values()) {
            assertThat(jobs.resolve(job.id() + ".xml")).as(job.name()).exists();
            assertThat(JobName.of(job.id())).contains(job);
        }
        try (var files = Files.list(jobs)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".xml", ""))
                    .allMatch(id -> JobName.of(id).isPresent())).as("a job file without a JobName").isTrue();
        }
        assertThat(JobName.of("conversion")).as("a queue, not a job").isEmpty();
    }

    @Test
    void eachLifecyclePolicyRunsAsTheJobOfItsNameAndNoOtherJobAppliesOne() {
        for (Expiry policy : Expiry.values()) {
            assertThat(JobName.of(policy).policy()).contains(policy);
        }
        assertThat(JobName.RECYCLE_PURGE.id()).isEqualTo("recycle-purge");
        assertThat(JobName.EXPORT_EXPIRY.policy()).isEmpty();
        assertThat(JobName.SEAL.policy()).isEmpty();
        assertThat(JobName.ids(JobName.RETENTION, JobName.EXPORT_EXPIRY)).isEqualTo("retention, export-expiry");
    }
}
