package io.verbatim.report;

import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogEntry;
import io.verbatim.audit.ActionLogExport;
import io.verbatim.audit.ActionLogExports;
import io.verbatim.audit.Action;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.Staging;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes one export (called by the {@code action-log-export} job): checks the chain, writes the entries a page of
 * the log at a time into a PDF, numbers its pages and zips it, reporting progress as it goes. Outside any one
 * transaction: a long log takes a while.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActionLogExportRun {

    private static final int PAGE = 1000;

    @Inject
    ActionLogExports exports;

    @Inject
    ActionLog actionLog;

    @Inject
    Staging staging;

    @Inject
    BlobStore blobs;

    public void run(long exportId) {
        // the PDF and the ZIP are made in staging, then the ZIP goes into the blob store (encrypted while a crypt key
        // is set), as recordings do: nothing of the log is left in plain files
        Path draft = null;
        Path numbered = null;
        Path zip = null;
        try {
            draft = staging.newFile(".draft.pdf");
            numbered = staging.newFile(".pdf");
            zip = staging.newFile(".zip");
            ActionLogExport export = exports.find(exportId);
            long total = exports.count(export);
            exports.running(exportId, total);
            ActionLogReport.Header header = new ActionLogReport.Header(export.getPbx(), export.getFrom(), export.getTo(),
                    List.copyOf(export.userSet()), export.actionSet().stream().map(Action::word).toList(), export.getRequestedBy(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), export.getPbx() == null ? actionLog.checkChains() : actionLog.checkChain(export.getPbx()), total);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(draft));
                 ActionLogReport report = new ActionLogReport(out, header)) {
                long after = 0;
                long done = 0;
                List<ActionLogEntry> page;
                do {
                    page = exports.entriesAfter(export, after, PAGE);
                    report.add(page);
                    done += page.size();
                    if (!page.isEmpty()) {
                        after = page.get(page.size() - 1).getSequenceNumber();
                        exports.progress(exportId, done);
                    }
                } while (page.size() == PAGE);
            }
            ActionLogReport.numberPages(draft, numbered, ActionLogReport.footer(header));
            try (FileChannel file = FileChannel.open(zip, StandardOpenOption.WRITE);
                 ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(file)))) {
                out.putNextEntry(new ZipEntry("action-log-export-" + exportId + ".pdf"));
                Files.copy(numbered, out);
                out.closeEntry();
                out.finish();
                out.flush();
                file.force(true); // the store takes complete, synced files only
            }
            long size = Files.size(zip);
            String key = blobs.put(zip, Staging.sha256Of(zip), export.getPbx());
            zip = null; // the store has it now
            exports.finished(exportId, "action-log-export-" + exportId + ".zip", key, size);
        } catch (IOException | RuntimeException e) {
            exports.failed(exportId, e.toString());
            throw new IllegalStateException("export " + exportId + " failed: " + e, e);
        } finally {
            deleteQuietly(draft);
            deleteQuietly(numbered);
            deleteQuietly(zip);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover in staging is cleared when the node starts
        }
    }
}
