package io.verbatim.web.ingest;

import io.verbatim.directory.SignInThrottle;
import io.verbatim.ingest.CaptureFiles;
import io.verbatim.ingest.CaptureFiles.CaptureFile;
import io.verbatim.settings.Settings;
import io.verbatim.tenancy.Tenants;
import io.verbatim.web.api.ByteRange;
import io.verbatim.web.security.BasicCredentials;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Read-only WebDAV (class 1) on the devices' upload folder {@code /{pbx}/recordings/Files/}: OPTIONS, PROPFIND
 * (depth 0 or 1) and GET/HEAD with Range on the original captures, with the WebDAV credentials from the settings.
 * PUT goes on to the upload servlet; anything that would change the folder is refused (405).
 */
@WebFilter(filterName = "WebDav", urlPatterns = "/*")
public class WebDavFilter extends HttpFilter {

    private static final Pattern FOLDER = Pattern.compile("^/([^/]+)/recordings/Files(/([^/]*))?$");
    private static final String ALLOW = "OPTIONS, PROPFIND, GET, HEAD, PUT";
    private static final String PCAP = "application/vnd.tcpdump.pcap";
    private static final int PAGE = 500;
    private static final String DAV = "DAV:";

    @Inject
    Tenants tenants;

    @Inject
    Settings settings;

    @Inject
    SignInThrottle throttle;

    @Inject
    CaptureFiles files;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        // a path, not a form: '+' is a plus (RFC 3986), which URLDecoder alone would make a space
        String path = URLDecoder.decode(request.getRequestURI().substring(request.getContextPath().length()).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        Matcher m = FOLDER.matcher(path);
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String fileName = m.group(3) == null || m.group(3).isEmpty() ? null : m.group(3);
        switch (request.getMethod()) {
            case "PUT" -> chain.doFilter(request, response); // the upload servlet: nothing asked of the database here
            case "OPTIONS" -> {
                response.setHeader("DAV", "1");
                response.setHeader("Allow", ALLOW);
                response.setHeader("MS-Author-Via", "DAV");
                response.setStatus(200);
            }
            case "PROPFIND", "GET", "HEAD" -> {
                String pbx = tenants.registered(m.group(1)).orElse(m.group(1)); // as registered: names compare without case
                Optional<String> reader = reader(request, response, pbx);
                if (reader.isPresent()) {
                    read(request, response, pbx, fileName, reader.get());
                }
            }
            default -> {
                response.setHeader("Allow", ALLOW);
                error(response, 405, "read-only: recordings are not changed over WebDAV");
            }
        }
    }

    /** The WebDAV user, or empty once a 401/403 has been sent. */
    private Optional<String> reader(HttpServletRequest request, HttpServletResponse response, String pbx) throws IOException {
        if (!settings.devicesMaySendFrom(pbx, request.getRemoteAddr())) {
            error(response, 403, "this PBX's originals are read from its device networks only (deviceNetworks in its settings)");
            return Optional.empty();
        }
        if (!files.open(pbx)) {
            error(response, 403, "WebDAV is off for this PBX: set webdavUser and webdavPassword in its own settings");
            return Optional.empty();
        }
        if (DeviceCredentialCheck.passes(throttle, request, response, pbx,
                c -> files.readerAccepted(pbx, c.user(), c.password().toCharArray()), "the WebDAV credentials from the settings are needed")) {
            return BasicCredentials.of(request.getHeader("Authorization")).map(BasicCredentials::user);
        }
        return Optional.empty();
    }

    private void read(HttpServletRequest request, HttpServletResponse response, String pbx, String fileName, String reader) throws IOException {
        String folderHref = request.getContextPath() + "/" + segment(pbx) + "/recordings/Files/";
        Optional<CaptureFile> file = fileName == null ? Optional.empty() : files.find(pbx, fileName);
        if (fileName != null && file.isEmpty()) {
            error(response, 404, "no original " + fileName + " on " + pbx);
            return;
        }
        if (request.getMethod().equals("PROPFIND")) {
            String depth = request.getHeader("Depth");
            if (depth != null && !depth.equals("0") && !depth.equals("1") && !depth.equalsIgnoreCase("infinity")) {
                error(response, 400, "Depth must be 0, 1 or infinity");
                return;
            }
            propfind(response, pbx, folderHref, file, "0".equals(depth));
        } else if (file.isEmpty()) {
            response.setHeader("Allow", ALLOW);
            error(response, 405, "a folder: list it with PROPFIND");
        } else {
            get(request, response, file.get(), reader);
        }
    }

    /** Depth infinity is answered as depth 1: the folder holds files only. */
    private void propfind(HttpServletResponse response, String pbx, String folderHref, Optional<CaptureFile> file, boolean depthZero)
            throws IOException {
        response.setStatus(207);
        response.setContentType("application/xml");
        response.setCharacterEncoding("UTF-8");
        Writer out = response.getWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("D", DAV);
            xml.writeStartElement(DAV, "multistatus");
            xml.writeNamespace("D", DAV);
            if (file.isPresent()) {
                fileResponse(xml, folderHref, file.get());
            } else {
                folderResponse(xml, folderHref);
                if (!depthZero) {
                    for (int offset = 0; ; offset += PAGE) {
                        List<CaptureFile> page = files.list(pbx, offset, PAGE);
                        for (CaptureFile f : page) {
                            fileResponse(xml, folderHref, f);
                        }
                        xml.flush();
                        if (page.size() < PAGE) {
                            break;
                        }
                    }
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the folder listing", e);
        }
    }

    private static void folderResponse(XMLStreamWriter xml, String href) throws XMLStreamException {
        xml.writeStartElement(DAV, "response");
        element(xml, "href", href);
        xml.writeStartElement(DAV, "propstat");
        xml.writeStartElement(DAV, "prop");
        xml.writeStartElement(DAV, "resourcetype");
        xml.writeEmptyElement(DAV, "collection");
        xml.writeEndElement();
        element(xml, "displayname", "Files");
        xml.writeEndElement();
        element(xml, "status", "HTTP/1.1 200 OK");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void fileResponse(XMLStreamWriter xml, String folderHref, CaptureFile f) throws XMLStreamException {
        xml.writeStartElement(DAV, "response");
        element(xml, "href", folderHref + segment(f.fileName()));
        xml.writeStartElement(DAV, "propstat");
        xml.writeStartElement(DAV, "prop");
        xml.writeEmptyElement(DAV, "resourcetype");
        element(xml, "displayname", f.fileName());
        element(xml, "getcontentlength", Long.toString(f.size()));
        element(xml, "getcontenttype", PCAP);
        element(xml, "getlastmodified", DateTimeFormatter.RFC_1123_DATE_TIME.format(f.receivedAt().atOffset(ZoneOffset.UTC)));
        element(xml, "creationdate", f.receivedAt().toString());
        element(xml, "getetag", "\"" + f.sha256() + "\"");
        xml.writeEndElement();
        element(xml, "status", "HTTP/1.1 200 OK");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(DAV, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void get(HttpServletRequest request, HttpServletResponse response, CaptureFile file, String reader) throws IOException {
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(request.getHeader("Range"), file.size());
        } catch (ByteRange.NotSatisfiable e) {
            response.setHeader("Content-Range", "bytes */" + file.size());
            error(response, 416, e.getMessage());
            return;
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.size());
        response.setStatus(range.isPresent() ? 206 : 200);
        range.ifPresent(r -> response.setHeader("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + file.size()));
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", "\"" + file.sha256() + "\"");
        response.setDateHeader("Last-Modified", file.receivedAt().toEpochMilli());
        response.setContentType(PCAP);
        response.setContentLengthLong(length);
        if (request.getMethod().equals("HEAD")) {
            return;
        }
        try (SeekableByteChannel channel = files.read(file, reader)) {
            channel.position(first);
            OutputStream out = response.getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer);
                if (n < 0) {
                    break;
                }
                out.write(buffer.array(), 0, n);
                left -= n;
            }
        }
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        CaptureUploadServlet.error(response, status, message);
    }
}
