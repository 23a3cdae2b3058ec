/**
 * Signal processing shared by the stages: the windowed-sinc low-pass filter, the decimator (48 kHz Opus down to the call's rate)
 * and the interpolator (a slower party up to the call's rate). Pure arithmetic on sample arrays; uses no other stage.
 */
package io.verbatim.media.dsp;
