package io.verbatim.callinfo.innovaphone;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One CDR of an innovaphone PBX, as its CDR0/CDR1 interface sends it: the {@code <cdr>} of one object the call touched
 * (a user, or a trunk, waiting queue, voicemail: {@code <user pseudo="…">}) and its {@code <event>}s, read as
 * innovaphone's "Concept Call Detail Record CDR PBX" describes them. Event times are the PBX's seconds (uptime in
 * newer versions, from the call's start in older ones), so each is placed relative to the first event, at the
 * CDR's {@code utc}.
 *
 * @param id      the CDR's own GUID (from V14r2), else a digest of its text: a CDR sent twice is one CDR
 * @param object  the object this CDR was made for
 * @param pseudo  what kind of object it is when it is no user ({@code <user pseudo="trunk">}, {@code gw}, {@code waiting}
 *                for a queue, {@code vm}, …); null for a user
 * @param dir     {@code from} (the call came from the object), {@code to}, {@code cf} (it forwarded), {@code ct} (it transferred)
 * @param start   when the call started ({@code utc})
 */
public record InnovaphoneCdr(String id, Party object, String pseudo, String dir, Instant start, List<Event> events) {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern ID = Pattern.compile("[0-9a-zA-Z-]{1,64}");
    private static final Set<String> DIRECTIONS = Set.of("from", "to", "cf", "ct");
    /** Pseudo objects calls come in and go out through. */
    private static final Set<String> TRUNKS = Set.of("trunk", "gw");
    /** A call is transferred a few times at most; a CDR naming more calls is no CDR a PBX wrote. */
    static final int MAX_CALL_IDS = 8;
    /** Times outside 1970 to 2100 are no call's. */
    private static final long LATEST = 4_102_444_800L;

    /** A party as a CDR names it: number (as dialable from the object), display name, H.323 name (a user's name). */
    public record Party(String number, String name, String h323) {

        static Party of(Element e) {
            String name = attribute(e, "dn");
            // as long as call records keep them: a longer one is no number or name a person types
            return new Party(cut(attribute(e, "e164"), 64), cut(name != null ? name : attribute(e, "cn"), 255), cut(attribute(e, "h323"), 255));
        }

        boolean isEmpty() {
            return number == null && name == null && h323 == null;
        }
    }

    /**
     * One state change of the call.
     *
     * @param msg      what happened, as innovaphone names it ({@code setup-from}, {@code conn-to}, {@code transfer-to}, …)
     * @param at       when
     * @param party    the other party of the call, as far as this event names it
     * @param external whether that party is outside the PBX ({@code type="ext"})
     * @param to       where a transfer or forward goes ({@code <to>}), else null
     * @param conf     the call id this event gives (the first event always does; a transfer may give a new one), else null
     */
    public record Event(String msg, Instant at, Party party, boolean external, Party to, String conf) {

        /** Whether the object itself did it ({@code …-from}), not the other party ({@code …-to}). */
        public boolean byObject() {
            return msg.endsWith("-from");
        }
    }

    /** Whether the object is a user (not a trunk, queue, voicemail or other pseudo object). */
    public boolean user() {
        return pseudo == null;
    }

    /** Whether the object is a trunk or gateway: the call came from or went to outside the PBX. */
    public boolean trunk() {
        return pseudo != null && TRUNKS.contains(pseudo);
    }

    /**
     * This CDR as far as it concerns {@code callId}: from the first event that names it on (a transfer gives the
     * call a new id; what came before belongs to the call it was), starting then.
     */
    public InnovaphoneCdr from(String callId) {
        for (int i = 0; i < events.size(); i++) {
            if (callId.equals(events.get(i).conf())) {
                return i == 0 ? this : new InnovaphoneCdr(id, object, pseudo, dir, events.get(i).at(), events.subList(i, events.size()));
            }
        }
        return this;
    }

    /** Every call id this CDR names, the first event's first, lower-case as recordings store them. */
    public Set<String> callIds() {
        Set<String> ids = new LinkedHashSet<>();
        events.stream().map(Event::conf).filter(c -> c != null).forEach(ids::add);
        return ids;
    }

    /** The call id of the first event: the call this CDR is about. */
    public String callId() {
        return callIds().iterator().next();
    }

    /**
     * Reads one {@code <cdr>}.
     *
     * @throws IllegalArgumentException saying what is wrong, when the text is not a CDR Verbatim can use
     */
    public static InnovaphoneCdr parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new IllegalArgumentException("no CDR: the msg parameter is empty");
        }
        Element cdr = document(xml).getDocumentElement();
        if (!cdr.getTagName().equals("cdr")) {
            throw new IllegalArgumentException("not a PBX CDR: the XML is <" + cdr.getTagName() + ">, not <cdr>");
        }
        String dir = attribute(cdr, "dir");
        if (dir == null || !DIRECTIONS.contains(dir)) {
            throw new IllegalArgumentException("the CDR's dir must be from, to, cf or ct, not " + (dir == null ? "missing" : "'" + dir + "'"));
        }
        Instant start = seconds(cdr, "utc");
        String pseudo = null;
        List<Event> events = new ArrayList<>();
        Long firstTime = null;
        for (Node node = cdr.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child)) {
                continue;
            }
            if (child.getTagName().equals("user")) {
                pseudo = attribute(child, "pseudo");
            } else if (child.getTagName().equals("event")) {
                String msg = attribute(child, "msg");
                if (msg == null) {
                    throw new IllegalArgumentException("event " + (events.size() + 1) + " of the CDR has no msg");
                }
                long time = child.hasAttribute("time") ? seconds(child, "time").getEpochSecond() : firstTime == null ? 0 : firstTime;
                if (firstTime == null) {
                    firstTime = time;
                }
                String conf = attribute(child, "conf");
                if (conf != null && !GUID.matcher(conf).matches()) {
                    throw new IllegalArgumentException("event " + (events.size() + 1) + " of the CDR: conf must be a GUID of 32 hex digits, not '" + conf + "'");
                }
                Element to = firstChild(child, "to");
                events.add(new Event(msg, start.plusSeconds(time - firstTime), Party.of(child), "ext".equals(attribute(child, "type")),
                        to == null ? null : Party.of(to), conf == null ? null : conf.toLowerCase(Locale.ROOT)));
            }
        }
        if (events.isEmpty() || events.get(0).conf() == null) {
            throw new IllegalArgumentException("the CDR names no call: its first event has no conf (the call's GUID)");
        }
        String id = attribute(cdr, "id");
        if (id != null && !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("the CDR's id must be up to 64 letters or digits, not '" + id + "'");
        }
        InnovaphoneCdr parsed = new InnovaphoneCdr(id != null ? id.toLowerCase(Locale.ROOT) : digest(xml), Party.of(cdr), pseudo, dir, start,
                List.copyOf(events));
        if (parsed.callIds().size() > MAX_CALL_IDS) {
            throw new IllegalArgumentException("the CDR names " + parsed.callIds().size() + " calls (conf); a CDR names at most " + MAX_CALL_IDS);
        }
        return parsed;
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a CDR never needs a DTD: refusing one refuses external entities and entity expansion with it
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // refusals carry the message; nothing printed to stderr
            return builder.parse(new InputSource(new StringReader(xml.strip())));
        } catch (SAXException e) {
            throw new IllegalArgumentException("the CDR is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the XML parser cannot be set up safely", e);
        }
    }

    private static Instant seconds(Element e, String name) {
        String text = attribute(e, name);
        if (text == null) {
            throw new IllegalArgumentException("the CDR's <" + e.getTagName() + "> has no " + name);
        }
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException tooLargeOrNotANumber) {
            throw new IllegalArgumentException("the CDR's " + name + " must be a number of seconds, not '" + text + "'");
        }
        if (seconds < 0 || seconds > LATEST) {
            throw new IllegalArgumentException("the CDR's " + name + " must be seconds from 1970 to 2100, not " + text);
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static String attribute(Element e, String name) {
        String value = e.getAttribute(name).strip();
        return value.isEmpty() ? null : value;
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static Element firstChild(Element e, String tag) {
        NodeList children = e.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }

    private static String digest(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.strip().getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
