/**
 * Notes people write on recordings: everyone who may see a recording reads its notes and may add one, and only a note's
 * author may edit it. {@link RecordingNotes} lists, adds and edits; {@link RecordingNote} is the stored note. It checks
 * the caller's right to the recording through {@code io.verbatim.access} and {@code io.verbatim.recording}'s catalogue,
 * and logs each addition and edit through {@code io.verbatim.audit}. The recording search matches note text, and the
 * PDF of a downloaded recording lists its notes ({@code io.verbatim.report}).
 */
package io.verbatim.notes;
