package io.verbatim.media.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.capture.DamagedCaptureException;
import io.verbatim.media.fixture.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Our streaming parser and pcap4j/libpcap read every capture of the corpus to the very same datagrams. */
class CaptureReadersAgreeTest {

    record Read(List<String> datagrams, CaptureReader.Summary summary, String failure) {
    }

    @TestFactory
    Stream<DynamicTest> bothReadersAgreeOnTheWholeCorpus() throws Exception {
        Path root = Corpus.root();
        assumeTrue(root != null, "no shared corpus beside this checkout");
        List<Path> captures;
        try (Stream<Path> files = Files.walk(root.resolve("captures"))) {
            captures = files.filter(Files::isRegularFile).sorted().toList();
        }
        return captures.stream().map(capture -> DynamicTest.dynamicTest(root.relativize(capture).toString(), () -> {
            Read ours = read(capture, true);
            Read libpcap = read(capture, false);
            assertThat(ours.failure()).isEqualTo(libpcap.failure());
            assertThat(ours.datagrams()).hasSameSizeAs(libpcap.datagrams()).isEqualTo(libpcap.datagrams());
            if (ours.summary() != null) {
                assertThat(ours.summary().frames()).isEqualTo(libpcap.summary().frames());
                assertThat(ours.summary().truncation() == null).isEqualTo(libpcap.summary().truncation() == null);
            }
        }));
    }

    private static Read read(Path capture, boolean ours) {
        List<String> datagrams = new ArrayList<>();
        try {
            CaptureReader.Summary summary = ours
                    ? new CaptureFileParser().read(capture, d -> datagrams.add(describe(d)))
                    : new LibpcapCaptureReader().read(capture, d -> datagrams.add(describe(d)));
            return new Read(datagrams, summary, null);
        } catch (DamagedCaptureException e) {
            return new Read(datagrams, null, "invalid");
        } catch (CaptureFileParser.UnknownLinkType e) {
            return new Read(datagrams, null, "unknown link type");
        }
    }

    private static String describe(UdpDatagram d) {
        return d.captureNanos() + " " + d.source() + " > " + d.destination() + " " + Arrays.hashCode(d.payload()) + "/" + d.payload().length;
    }
}
