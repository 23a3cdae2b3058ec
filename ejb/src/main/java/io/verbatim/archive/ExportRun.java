package io.verbatim.archive;

/**
 * One run's connection to its target, held by the job's writer for its chunks: opened once, closed when the run ends.
 */
public final class ExportRun implements AutoCloseable {

    private final ExportTarget target;
    private final boolean again;
    private ExportDestination destination;

    ExportRun(ExportTarget target, boolean again) {
        this.target = target;
        this.again = again;
    }

    ExportTarget target() {
        return target;
    }

    boolean again() {
        return again;
    }

    ExportDestination destination(ExportSecret secret) {
        if (destination == null) {
            destination = target.getKind() == ExportTarget.Kind.SFTP ? new SftpDestination(target, secret) : new S3Destination(target, secret);
        }
        return destination;
    }

    /** Where the run sends, for its exit status and log. */
    public String describe() {
        return target.describe();
    }

    @Override
    public void close() {
        if (destination != null) {
            destination.close();
            destination = null;
        }
    }
}
