package io.verbatim.imports;

import io.verbatim.access.ActionDeniedException;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.caller.Caller;
import io.verbatim.cluster.NodeIdentity;
import io.verbatim.ingest.CaptureConflictException;
import io.verbatim.ingest.CaptureRejectedException;
import io.verbatim.ingest.IngestOutcome;
import io.verbatim.ingest.IngestService;
import io.verbatim.jobs.JobName;
import io.verbatim.storage.DataDirectory;
import io.verbatim.storage.TooLargeException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports the captures of a folder as uploads of the PBX named: each goes through {@link IngestService#receive} as a
 * device's upload does, so a capture already there is not stored twice, and one that is refused (not a capture,
 * another capture of that name, over the size limit) keeps its reason, in quarantine when the upload path keeps it,
 * and stays in the folder in any case.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class CaptureImports {

    private static final Logger LOG = Logger.getLogger(CaptureImports.class.getName());
    /** Job parameters: the folder (absolute, inside the import folder) and the PBX. */
    public static final String FOLDER = "folder";
    public static final String PBX = "pbx";

    /** What became of one capture. */
    public enum Result { IMPORTED, ALREADY_THERE, REFUSED }

    @Inject
    @ConfigProperty(name = "verbatim.import.dir")
    Optional<String> configured;

    @Inject
    DataDirectory data;

    @Inject
    IngestService ingest;

    @Inject
    Caller caller;

    @Inject
    ActionLog actionLog;

    @Inject
    NodeIdentity node;

    /** The folder whose sub-folders may be imported: no other folder of the server is read. */
    public Path root() {
        return configured.filter(c -> !c.isBlank()).map(c -> Path.of(c).toAbsolutePath().normalize())
                .orElseGet(() -> data.root().resolve("import"));
    }

    /**
     * Starts importing {@code folder} (relative to the import folder, or absolute inside it) as captures of {@code pbx}:
     * the operator's, since it reads the server's disk. @return the run's execution id
     */
    @RolesAllowed("ADMIN")
    public long start(String folder, String pbx) {
        if (caller.tenant() != null) {
            throw new ActionDeniedException("importing captures reads a folder of the server: only the operator does it");
        }
        Path root = root();
        if (folder == null || folder.isBlank()) {
            throw new InvalidImportException(FOLDER, "name a folder inside " + root);
        }
        Path chosen = root.resolve(folder.trim()).toAbsolutePath().normalize();
        if (!chosen.startsWith(root)) {
            throw new InvalidImportException(FOLDER, folder + " is not inside the import folder " + root + " (VERBATIM_IMPORT_DIR)");
        }
        if (!Files.isDirectory(chosen)) {
            throw new InvalidImportException(FOLDER, "there is no folder " + chosen);
        }
        if (pbx == null || pbx.isBlank()) {
            throw new InvalidImportException(PBX, "name the PBX the captures are of");
        }
        String admitted = ingest.admit(pbx.trim(), true);
        Properties parameters = new Properties();
        parameters.setProperty(FOLDER, chosen.toString());
        parameters.setProperty(PBX, admitted);
        long run = JobName.CAPTURE_IMPORT.start(parameters, node.name());
        actionLog.record(Action.JOB_START, "capture-import of " + chosen + " as PBX " + admitted + " (run " + run + ")");
        LOG.info("Importing the captures in " + chosen + " as PBX " + admitted + " (run " + run + ")");
        return run;
    }

    /** The captures ({@code .pcap}, {@code .pcapng}) in a folder and its sub-folders, in the order of their paths, so a restart goes on where it stopped. */
    public List<Path> captures(String folder) {
        try (Stream<Path> all = Files.walk(Path.of(folder))) {
            return all.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".pcap") || name.endsWith(".pcapng");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports one capture as an upload of it under its file name. A full disk, a storage or database that is away
     * fail the run instead (a restart goes on from there).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // as an upload: no transaction while bytes stream in
    public Result importCapture(String pbx, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            IngestOutcome outcome = ingest.receive(pbx, file.getFileName().toString(), in, Files.size(file));
            return outcome.created() ? Result.IMPORTED : Result.ALREADY_THERE;
        } catch (CaptureRejectedException | CaptureConflictException | TooLargeException refused) {
            LOG.warning("Import of " + file + " refused: " + refused.getMessage());
            return Result.REFUSED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import " + file + ": " + e.getMessage(), e);
        }
    }
}
