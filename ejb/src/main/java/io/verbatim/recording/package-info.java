/**
 * The catalogue of recorded calls: each recording's original, metadata, owner and state on its way from upload to
 * playable audio, and finding recordings and opening their audio as the access rule allows. {@link Recording} is the
 * entity most packages share; {@link RecordingCatalog} searches, finds and opens audio and originals, every read
 * filtered by {@code io.verbatim.access.AccessPolicy} so that a recording the caller may not see does not exist for
 * them; {@link RecordingOwnership} handles "only me" and an administrator's choice of owner, {@link RecordingOwners}
 * the owner by the call information's rules ({@code io.verbatim.callinfo}), as a recording or its call's record
 * arrives. It logs plays and
 * downloads through {@code io.verbatim.audit} and opens blobs through {@code io.verbatim.storage}. Notes people write
 * on a recording are part of it: {@link RecordingNotes} lists, adds and edits them (only a note's author edits), and
 * the search matches their text. Protection, deletion and the recycle bin are in {@code io.verbatim.lifecycle},
 * conversion in {@code io.verbatim.conversion}.
 */
package io.verbatim.recording;
