/**
 * A recording's life after conversion: protection against deletion, deletion by the rule of the deleting user's app
 * object (recycle bin, for good, or refused), restore and purge from the recycle bin, and deletion by age (retention,
 * the recycle bin's purge, the licence grace). {@link RecordingLifecycle} carries out the steps people take;
 * {@link RecordingExpiry} decides and carries out what the nightly lifecycle jobs delete, per PBX cutoff;
 * {@link Expiry} names those policies. People's steps act only on recordings the caller may read
 * ({@code io.verbatim.access}, which also gives the app object's deletion mode), and every step is logged through
 * {@code io.verbatim.audit}; the age policies take their days from {@code io.verbatim.settings} and licence holders
 * from {@code io.verbatim.directory}. Erasing removes the row at once and its audio and original through
 * {@code io.verbatim.storage} only after the transaction has committed, so a rolled-back deletion loses no bytes.
 */
package io.verbatim.lifecycle;
