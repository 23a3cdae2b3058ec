package io.verbatim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Several recordings in one ZIP: a folder per recording, named as its own ZIP is, holding what that ZIP holds, and
 * {@code not-included.txt} naming each recording asked for that is not in it, with why.
 */
public record RecordingsDownload(List<RecordingDownload> recordings, List<String> notIncluded) implements AutoCloseable {

    public String fileName() {
        return "recordings-" + recordings.size() + ".zip";
    }

    public void writeZip(OutputStream out) throws IOException {
        try (this; ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            Set<String> folders = new HashSet<>();
            for (RecordingDownload r : recordings) { // two calls of one minute with one party: the second gets its id too
                String folder = folders.add(r.name()) ? r.name() : r.name() + "_" + r.recordingId();
                folders.add(folder);
                r.writeEntries(zip, folder + "/");
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
