/*
 * The reference decoders in C, timed on the payload files DecoderBenchmark writes (a 2-byte big-endian length
 * before each payload), as our decoders are timed there: one thread, a fresh decoder per run, the best of five
 * runs. Built and run by ear/bin/bench against Debian's libraries; not part of the product or the test suite.
 *
 *   reference_decoders g722|g729|opus FILE
 *
 * g722: spandsp's G.722 decoder at 64 kbit/s (16 kHz out). g729: bcg729, an Annex A decoder (Wireshark's player
 * uses it); 10-byte frames, 2-byte SID frames. opus: libopus at 16 kHz, mono, as the engine delivers Opus.
 */
#include <bcg729/decoder.h>
#include <opus/opus.h>
#include <spandsp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS 5
#define OPUS_RATE 16000

static volatile long sink; /* a sum of the output, so that no decoding is optimised away */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Decodes every payload in data[0..size) with a fresh decoder; returns the samples decoded. */
static long decode_all(const char *codec, const uint8_t *data, long size) {
    static int16_t out[OPUS_RATE]; /* a second: more than any payload holds */
    long samples = 0, sum = 0;
    bcg729DecoderChannelContextStruct *g729 = NULL;
    g722_decode_state_t *g722 = NULL;
    OpusDecoder *opus = NULL;
    int error = 0;
    if (strcmp(codec, "g729") == 0) {
        g729 = initBcg729DecoderChannel();
    } else if (strcmp(codec, "g722") == 0) {
        g722 = g722_decode_init(NULL, 64000, 0);
    } else {
        opus = opus_decoder_create(OPUS_RATE, 1, &error);
        if (error != OPUS_OK) {
            fprintf(stderr, "opus_decoder_create: %s\n", opus_strerror(error));
            exit(1);
        }
    }
    for (long at = 0; at + 2 <= size;) {
        int length = data[at] << 8 | data[at + 1];
        const uint8_t *payload = data + at + 2;
        at += 2 + length;
        if (g729) {
            for (int frame = 0; frame < length; frame += 10) {
                int bytes = length - frame >= 10 ? 10 : 2; /* a SID frame ends a payload */
                bcg729Decoder(g729, payload + frame, bytes, 0, bytes == 2, 0, out);
                samples += 80;
                sum += out[0];
            }
        } else if (g722) {
            int n = g722_decode(g722, out, payload, length);
            samples += n;
            sum += out[0];
        } else {
            int n = opus_decode(opus, payload, length, out, OPUS_RATE, 0);
            if (n < 0) {
                fprintf(stderr, "opus_decode: %s\n", opus_strerror(n));
                exit(1);
            }
            samples += n;
            sum += out[0];
        }
    }
    if (g729) closeBcg729DecoderChannel(g729);
    if (g722) g722_decode_free(g722);
    if (opus) opus_decoder_destroy(opus);
    sink += sum;
    return samples;
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "g722") && strcmp(argv[1], "g729") && strcmp(argv[1], "opus"))) {
        fprintf(stderr, "usage: %s g722|g729|opus PAYLOAD-FILE\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[2], "rb");
    if (!file) {
        perror(argv[2]);
        return 1;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    uint8_t *data = malloc(size);
    if (!data || fread(data, 1, size, file) != (size_t) size) {
        fprintf(stderr, "%s: cannot read\n", argv[2]);
        return 1;
    }
    fclose(file);
    int rate = strcmp(argv[1], "g729") == 0 ? 8000 : 16000;
    long samples = decode_all(argv[1], data, size); /* warm-up: page cache, branch predictors */
    double best = 1e30;
    for (int run = 0; run < RUNS; run++) {
        double start = now();
        decode_all(argv[1], data, size);
        double seconds = now() - start;
        if (seconds < best) best = seconds;
    }
    double minutes = samples / (double) rate / 60;
    /* a row as the Java benchmarks write theirs: seconds, minutes, sample rate, hours of audio per minute */
    printf("%.3f\t%.0f\t%d\t%.3f\n", best, minutes, rate, (minutes / 60) / (best / 60));
    free(data);
    return 0;
}
