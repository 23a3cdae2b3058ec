package io.verbatim.report;

import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogEntry;
import io.verbatim.audit.ActionLogExport;
import io.verbatim.audit.ActionLogExports;
import io.verbatim.audit.Action;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    public void run(long exportId) {
        Path folder = exports.folder();
        Path draft = folder.resolve("export-" + exportId + ".draft.pdf");
        Path numbered = folder.resolve("export-" + exportId + ".pdf");
        Path zip = folder.resolve("action-log-export-" + exportId + ".zip");
        try {
            ActionLogExport export = exports.find(exportId);
            long total = exports.count(export);
            exports.running(exportId, total);
            ActionLogReport.Header header = new ActionLogReport.Header(export.getPbx(), export.getFrom(), export.getTo(),
                    List.copyOf(export.userSet()), export.actionSet().stream().map(Action::word).toList(), export.getRequestedBy(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), actionLog.checkChain(), total);
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
                        after = page.get(page.size() - 1).getPosition();
                        exports.progress(exportId, done);
                    }
                } while (page.size() == PAGE);
            }
            ActionLogReport.numberPages(draft, numbered, ActionLogReport.footer(header));
            Path partial = folder.resolve(zip.getFileName() + ".part");
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                out.putNextEntry(new ZipEntry("action-log-export-" + exportId + ".pdf"));
                Files.copy(numbered, out);
                out.closeEntry();
            }
            Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            exports.finished(exportId, zip);
        } catch (IOException | RuntimeException e) {
            exports.failed(exportId, e.toString());
            throw new IllegalStateException("export " + exportId + " failed: " + e, e);
        } finally {
            deleteQuietly(draft);
            deleteQuietly(numbered);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover draft is harmless and overwritten by a retry
        }
    }
}
