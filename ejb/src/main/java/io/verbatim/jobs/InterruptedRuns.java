package io.verbatim.jobs;

import io.verbatim.cluster.NodeIdentity;
import io.verbatim.cluster.NodeName;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Puts the batch job repository right at start: a run the server was running when it was killed stays STARTED in
 * the repository for ever (nothing else ever ends it), so it is marked FAILED here, with why, and can be restarted
 * from its last checkpoint on the Jobs page. The repository's tables are JBeret's, written through JDBC because
 * the Batch API has no call for it. In a cluster each run names the node that runs it ({@link JobName#NODE}): a node
 * starting marks its own runs and those of nodes that are gone, never a run another node is running. Also removes the runs of the old per-upload {@code convert} job, a row for every call ever converted.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "NodeName"})
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());
    static final String REASON = "the server stopped during this run; restart it to go on from its last checkpoint";
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    @Inject
    NodeIdentity node;

    @Inject
    NodeName names;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each statement commits on its own
    void atStart() {
        try (Connection c = dataSource.getConnection()) {
            fail(c, leftByStoppedNodes(c, true));
            removeOldConversionRuns(c);
        } catch (SQLException e) {
            LOG.info("The job repository was not checked for interrupted runs: " + e.getMessage());
        }
    }

    /**
     * Marks FAILED the runs of nodes that are gone (their name's lease ran out), without waiting for a node to start:
     * asked by the node that holds the cluster-wide checks, so the failed run reaches the operator as an alarm.
     * @return how many were marked
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int failRunsOfGoneNodes() {
        try (Connection c = dataSource.getConnection()) {
            return fail(c, leftByStoppedNodes(c, false));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository: " + e.getMessage(), e);
        }
    }

    private static int fail(Connection c, List<Long> left) throws SQLException {
        if (left.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String runs = left.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String steps = "select STEPEXECUTIONID from STEP_EXECUTION where JOBEXECUTIONID in (" + runs + ")";
        update(c, "update PARTITION_EXECUTION set BATCHSTATUS = 'FAILED', EXITSTATUS = ? where BATCHSTATUS in " + RUNNING
                + " and STEPEXECUTIONID in (" + steps + ")");
        update(c, "update STEP_EXECUTION set BATCHSTATUS = 'FAILED', EXITSTATUS = ?, ENDTIME = ? where BATCHSTATUS in "
                + RUNNING + " and JOBEXECUTIONID in (" + runs + ")", now);
        update(c, "update JOB_EXECUTION set BATCHSTATUS = 'FAILED', EXITSTATUS = ?, ENDTIME = ?, LASTUPDATEDTIME = ?"
                + " where JOBEXECUTIONID in (" + runs + ")", now, now);
        LOG.warning(left.size() + " job runs were left running by a node that stopped (runs " + runs + "); marked FAILED: " + REASON);
        return left.size();
    }

    /**
     * The runs still marked running that no running node is running: this node's own when it is only starting, and
     * those of a node that no longer holds its name (it died). A run that names no node is from before the nodes were
     * named in their runs, when there was one node: at start only.
     */
    private List<Long> leftByStoppedNodes(Connection c, boolean starting) throws SQLException {
        List<Long> left = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select JOBEXECUTIONID, JOBPARAMETERS from JOB_EXECUTION where BATCHSTATUS in " + RUNNING)) {
            while (rows.next()) {
                Properties parameters = new Properties();
                String text = rows.getString(2);
                if (text != null) {
                    try {
                        parameters.load(new StringReader(text));
                    } catch (IOException | IllegalArgumentException unreadable) {
                        // taken as naming no node
                    }
                }
                String ranOn = parameters.getProperty(JobName.NODE);
                boolean gone = ranOn != null && !ranOn.equals(node.name()) && !names.running(ranOn);
                if (gone || starting && (ranOn == null || ranOn.equals(node.name()))) {
                    left.add(rows.getLong(1));
                }
            }
        }
        return left;
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
