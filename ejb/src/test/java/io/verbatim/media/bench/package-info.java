/**
 * The media engine's benchmarks, run by {@code ear/bin/bench} and never by the suite: conversion speed per codec,
 * the heap a 4-hour call needs, and our decoders against the reference decoders in C.
 */
package io.verbatim.media.bench;
