package io.verbatim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Several recordings in one ZIP: a folder per recording as its own ZIP holds it, and {@code not-included.txt} naming
 * each recording asked for that is not in it, with why.
 */
public record RecordingsDownload(List<RecordingDownload> recordings, List<String> notIncluded) implements AutoCloseable {

    public String fileName() {
        return "recordings-" + recordings.size() + ".zip";
    }

    public void writeZip(OutputStream out) throws IOException {
        try (this; ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            for (RecordingDownload r : recordings) {
                r.writeEntries(zip, "recording-" + r.recordingId() + "/");
            }
            if (!notIncluded.isEmpty()) {
                zip.putNextEntry(new ZipEntry("not-included.txt"));
                zip.write((String.join("\n", notIncluded) + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RecordingDownload r : recordings) {
            try {
                r.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
