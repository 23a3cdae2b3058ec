package io.verbatim.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Puts the batch job repository right at start: a run the server was running when it was killed stays STARTED in
 * the repository for ever (nothing else ever ends it), so it is marked FAILED here, with why, and can be restarted
 * from its last checkpoint on the Jobs page. The repository's tables are JBeret's, written through JDBC because
 * the Batch API has no call for it. Verbatim runs on one node until clustering comes: every run left is this
 * node's. Also removes the runs of the old per-upload {@code convert} job, a row for every call ever converted.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());
    static final String REASON = "the server stopped during this run; restart it to go on from its last checkpoint";
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each statement commits on its own
    void atStart() {
        try (Connection c = dataSource.getConnection()) {
            Timestamp now = Timestamp.from(Instant.now());
            update(c, "update PARTITION_EXECUTION set BATCHSTATUS = 'FAILED', EXITSTATUS = ? where BATCHSTATUS in " + RUNNING);
            update(c, "update STEP_EXECUTION set BATCHSTATUS = 'FAILED', EXITSTATUS = ?, ENDTIME = ? where BATCHSTATUS in "
                    + RUNNING, now);
            int runs = update(c, "update JOB_EXECUTION set BATCHSTATUS = 'FAILED', EXITSTATUS = ?, ENDTIME = ?,"
                    + " LASTUPDATEDTIME = ? where BATCHSTATUS in " + RUNNING, now, now);
            if (runs > 0) {
                LOG.warning(runs + " job runs were left running by the last stop of the server; marked FAILED: " + REASON);
            }
            removeOldConversionRuns(c);
        } catch (SQLException e) {
            LOG.info("The job repository was not checked for interrupted runs: " + e.getMessage());
        }
    }

    private static int update(Connection c, String sql, Timestamp... times) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, REASON);
            for (int i = 0; i < times.length; i++) {
                s.setTimestamp(i + 2, times[i]);
            }
            return s.executeUpdate();
        }
    }

    private static void removeOldConversionRuns(Connection c) throws SQLException {
        String instances = "select JOBINSTANCEID from JOB_INSTANCE where JOBNAME = 'convert'";
        String executions = "select JOBEXECUTIONID from JOB_EXECUTION where JOBINSTANCEID in (" + instances + ")";
        String steps = "select STEPEXECUTIONID from STEP_EXECUTION where JOBEXECUTIONID in (" + executions + ")";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from PARTITION_EXECUTION where STEPEXECUTIONID in (" + steps + ")");
            s.executeUpdate("delete from STEP_EXECUTION where JOBEXECUTIONID in (" + executions + ")");
            s.executeUpdate("delete from JOB_EXECUTION where JOBINSTANCEID in (" + instances + ")");
            int removed = s.executeUpdate("delete from JOB_INSTANCE where JOBNAME = 'convert'");
            if (removed > 0) {
                LOG.info("Removed " + removed + " runs of the former per-upload convert job from the job repository");
            }
        }
    }
}
