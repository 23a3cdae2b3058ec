/**
 * Who may upload recordings into a PBX: the credential pair in the PBX's settings (or the operator's default pair), and
 * further pairs, one per site, each good for uploads into its own PBX only. {@link DeviceCredentials} is the one place
 * that accepts or refuses an upload's credentials, and administers the per-site pairs ({@link DeviceCredential},
 * password hash only). It reads the settings' pairs from {@code io.verbatim.settings}, hashes passwords with
 * {@code io.verbatim.crypto}, takes the caller's PBX from {@code io.verbatim.directory}, and logs every change in that
 * PBX's action log. Reading originals over WebDAV is not decided here but by the settings' reader pair
 * ({@code io.verbatim.ingest.CaptureFiles}).
 */
package io.verbatim.devices;
