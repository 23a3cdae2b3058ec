package io.verbatim.media.codec.g722;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decoder's fast form (sign masks, saturations left out where the values cannot overflow, tables merged)
 * against a literal transcription of the Recommendation's blocks, on inputs that drive every state to its limits:
 * random codes, the largest codes held (scale and coefficients at their bounds), silence-like and alternating
 * codes. The corpus test checks both against ffmpeg on real calls.
 */
class G722Test {

    @Test
    void decodesExactlyAsTheRecommendationsBlocksOnExtremeInputs() {
        SplittableRandom random = new SplittableRandom(7);
        G722 fast = new G722();
        LiteralG722 literal = new LiteralG722();
        long samples = 0;
        for (int p = 0; p < 4000; p++) {
            byte[] payload = new byte[160 + random.nextInt(160)];
            int shape = (p / 250) % 4;
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) switch (shape) {
                    case 0 -> random.nextInt(256);
                    case 1 -> random.nextInt(4) == 0 ? 0xff : 0xfe;   // largest levels, both signs
                    case 2 -> 0x3c | random.nextInt(4) << 6;         // smallest levels
                    default -> i % 2 == 0 ? 0x20 : 0x1f;             // alternating signs
                };
            }
            short[] expected = new short[2 * payload.length];
            short[] actual = new short[2 * payload.length];
            assertThat(fast.decode(payload, 0, payload.length, actual, 0)).isEqualTo(expected.length);
            literal.decode(payload, 0, payload.length, expected, 0);
            assertThat(actual).as("payload %d", p).isEqualTo(expected);
            samples += actual.length;
        }
        assertThat(samples).isGreaterThan(1_000_000);
    }

    /**
     * G.722 decoding as the Recommendation writes its blocks (INVQAL/INVQBL, LOGSCL, SCALEL, UPPOL1/2, UPZERO,
     * FILTEP/FILTEZ, RECONS, receive QMF): array memories, sign tests, every saturation; the tables are the
     * decoder's own.
     */
    static final class LiteralG722 {
        final Band low = new Band(32, 18432, 8);
        final Band high = new Band(8, 22528, 10);
        final int[] qmf = new int[24]; // newest first
        static final int[] QMF = {3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11}; // h(2k), Table 12

        void decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
            for (int i = 0; i < length; i++) {
                int code = payload[offset + i] & 0xff;
                int il = code & 0x3f;
                int ih = code >> 6;
                int rl = limit(low.s + ((low.det * G722.QM6[il]) >> 15), -16384, 16383);
                low.next((low.det * G722.QM4[il >> 2]) >> 15, G722.WL[G722.RL42[il >> 2]]);
                int dh = (high.det * G722.QM2[ih]) >> 15;
                int rh = limit(high.s + dh, -16384, 16383);
                high.next(dh, G722.WH[G722.RH2[ih]]);

                System.arraycopy(qmf, 0, qmf, 2, 22);
                qmf[1] = rl + rh;
                qmf[0] = rl - rh;
                int xout1 = 0;
                int xout2 = 0;
                for (int k = 0; k < 12; k++) {
                    xout1 += qmf[2 * k] * QMF[k];          // h(2k), differences
                    xout2 += qmf[2 * k + 1] * QMF[11 - k]; // h(2k + 1), sums
                }
                out[outOffset + 2 * i] = (short) limit(xout1 >> 11, -32768, 32767);
                out[outOffset + 2 * i + 1] = (short) limit(xout2 >> 11, -32768, 32767);
            }
        }

        static int limit(int v, int min, int max) {
            return v < min ? min : v > max ? max : v;
        }

        static int sat(int v) {
            return limit(v, -32768, 32767);
        }

        static final class Band {
            final int maxLogScale;
            final int shift;
            int det;
            int nb;
            int s;
            int sz;
            final int[] a = new int[3];
            final int[] b = new int[7];
            final int[] d = new int[7];
            final int[] r = new int[3];
            final int[] p = new int[3];

            Band(int det, int maxLogScale, int shift) {
                this.det = det;
                this.maxLogScale = maxLogScale;
                this.shift = shift;
            }

            void next(int dq, int step) {
                nb = limit(((nb * 127) >> 7) + step, 0, maxLogScale);
                int wd1 = (nb >> 6) & 31;
                int wd2 = shift - (nb >> 11);
                int wd3 = wd2 < 0 ? G722.ILB[wd1] << -wd2 : G722.ILB[wd1] >> wd2;
                det = wd3 << 2;

                d[0] = dq;
                r[0] = sat(s + dq);
                p[0] = sat(sz + dq);
                // UPPOL2
                int wd = sat(a[1] << 2);
                wd = sign(p[0]) == sign(p[1]) ? -wd : wd;
                wd = Math.min(wd, 32767);
                int ap2 = (wd >> 7) + (sign(p[0]) == sign(p[2]) ? 128 : -128) + ((a[2] * 32512) >> 15);
                ap2 = limit(ap2, -12288, 12288);
                // UPPOL1
                int ap1 = sat((sign(p[0]) == sign(p[1]) ? 192 : -192) + ((a[1] * 32640) >> 15));
                int bound = sat(15360 - ap2);
                ap1 = limit(ap1, -bound, bound);
                // UPZERO
                for (int i = 1; i <= 6; i++) {
                    int g = dq == 0 ? 0 : sign(d[i]) == sign(dq) ? 128 : -128;
                    b[i] = sat(g + ((b[i] * 32640) >> 15));
                }
                // DELAYA
                for (int i = 6; i > 0; i--) {
                    d[i] = d[i - 1];
                }
                r[2] = r[1];
                r[1] = r[0];
                p[2] = p[1];
                p[1] = p[0];
                a[1] = ap1;
                a[2] = ap2;
                // FILTEP, FILTEZ, PREDIC
                int sp = sat(((a[1] * sat(r[1] + r[1])) >> 15) + ((a[2] * sat(r[2] + r[2])) >> 15));
                int zeros = 0;
                for (int i = 6; i > 0; i--) {
                    zeros += (b[i] * sat(d[i] + d[i])) >> 15;
                }
                sz = sat(zeros);
                s = sat(sp + sz);
            }

            static boolean sign(int v) {
                return v < 0;
            }
        }
    }
}
