package io.verbatim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A recording as it leaves the server for keeping: a ZIP of its audio (streamed from the store, never whole in
 * memory) and small files beside it (the PDF report; for a sealed recording the sealed text and its signature), each
 * named for people ({@link io.verbatim.recording.RecordingFileName}).
 */
public record RecordingDownload(long recordingId, String name, String audioName, SeekableByteChannel audio, Map<String, byte[]> beside)
        implements AutoCloseable {

    public String fileName() {
        return name + ".zip";
    }

    public void writeZip(OutputStream out) throws IOException {
        try (audio; ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            writeEntries(zip, "");
        }
    }

    /** Adds the audio and the files beside it to a ZIP being written, each name after {@code folder}. */
    void writeEntries(ZipOutputStream zip, String folder) throws IOException {
        zip.putNextEntry(new ZipEntry(folder + audioName));
        try (InputStream in = Channels.newInputStream(audio)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
        for (Map.Entry<String, byte[]> file : beside.entrySet()) {
            zip.putNextEntry(new ZipEntry(folder + file.getKey()));
            zip.write(file.getValue());
            zip.closeEntry();
        }
    }

    @Override
    public void close() throws IOException {
        audio.close();
    }
}
