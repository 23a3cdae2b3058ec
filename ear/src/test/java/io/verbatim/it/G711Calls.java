package io.verbatim.it;

import static io.verbatim.media.fixture.TestCaptures.rtp;

import io.verbatim.media.fixture.TestCaptures.PcapBuilder;
import java.util.Random;

/**
 * Two-party G.711 A-law calls as an innovaphone phone records them (local party on UDP 16386, remote on 16388),
 * distinct for each seed, so a burst of uploads is a burst of different calls.
 */
final class G711Calls {

    private G711Calls() {
    }

    /** {@code seconds} of call: 50 packets of 160 bytes a second each way, about 23 kB a second of capture; seeds below 10^8 keep the times in this century. */
    static byte[] twoParty(int seconds, long seed) {
        Random random = new Random(seed);
        long t0 = 1_700_000_000_000_000L + seed * 1_000_000L;
        PcapBuilder pcap = new PcapBuilder();
        byte[] local = new byte[160];
        byte[] remote = new byte[160];
        for (int i = 0; i < seconds * 50; i++) {
            random.nextBytes(local);
            random.nextBytes(remote);
            pcap.udp(t0 + i * 20_000L, "10.0.0.5", 16386, "10.0.0.9", 16388, rtp(8, i == 0, i, i * 160L, seed, local));
            pcap.udp(t0 + i * 20_000L + 300, "10.0.0.9", 16388, "10.0.0.5", 16386, rtp(8, i == 0, i, i * 160L, ~seed, remote));
        }
        return pcap.bytes();
    }

    /** One packet on each of {@code flows} RTP flows (a new SSRC each): a capture made to exhaust a converter's memory. */
    static byte[] flood(int flows) {
        PcapBuilder pcap = new PcapBuilder();
        byte[] payload = new byte[160];
        for (int i = 0; i < flows; i++) {
            pcap.udp(1_700_000_000_000_000L + i * 20L, "10.0.0.5", 16386, "10.0.0.9", 16388, rtp(8, false, i, i * 160L, 0x2000_0000L + i, payload));
        }
        return pcap.bytes();
    }
}
