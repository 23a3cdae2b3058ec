package io.verbatim.web.api;

import io.verbatim.media.OutputFormat;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingFileName;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/** Stored bytes as an HTTP response: whole or one requested range, streamed from the channel, which it closes. */
public final class BlobResponses {

    private BlobResponses() {
    }

    /** A recording's converted audio, saved under its name and its format's extension. */
    public static Response of(RecordingCatalog.Audio audio, String range, boolean attachment) throws IOException {
        OutputFormat format = audio.recording().audioOutputFormat();
        return of(audio.channel(), audio.size(), range, format.mediaType(), audio.name() + "." + format.extension(), attachment);
    }

    public static Response of(SeekableByteChannel channel, long size, String range, String mediaType, String fileName,
                       boolean attachment) throws IOException {
        Optional<ByteRange> requested;
        try {
            requested = ByteRange.parse(range, size);
        } catch (ByteRange.NotSatisfiable e) {
            channel.close();
            return Response.status(416).header("Content-Range", "bytes */" + size)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(416, "Range Not Satisfiable", e.getMessage())).build();
        }
        ByteRange served = requested.orElse(new ByteRange(0, size - 1));
        Response.ResponseBuilder response = Response.status(requested.isPresent() ? 206 : 200)
                .type(mediaType)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", served.length())
                .header("Content-Disposition", disposition(attachment, fileName))
                .entity(copy(channel, served));
        requested.ifPresent(r -> response.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size));
        return response.build();
    }

    /**
     * How a file is saved: its name in ASCII for every client, and whole (UTF-8, RFC 6266 and 8187) for those that
     * read {@code filename*}, as browsers do.
     */
    public static String disposition(boolean attachment, String fileName) {
        return (attachment ? "attachment" : "inline") + "; filename=\"" + RecordingFileName.ascii(fileName) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StreamingOutput copy(SeekableByteChannel channel, ByteRange range) {
        return (OutputStream out) -> {
            try (channel) {
                channel.position(range.first());
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                long remaining = range.length();
                while (remaining > 0) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
                    int n = channel.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer.array(), 0, n);
                    remaining -= n;
                }
            }
        };
    }
}
