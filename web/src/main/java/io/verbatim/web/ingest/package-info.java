/**
 * The recording devices' side of HTTP: the upload {@code PUT /{pbx}/recordings/Files/{name}.pcap} that innovaphone
 * phones and gateways send ("Record to URL"), and read-only WebDAV on that folder for reading the originals.
 * {@link CaptureUploadServlet} checks the device's network and credentials, hands the body to
 * {@code io.verbatim.ingest.IngestService} and answers each outcome with its own status (201 for a new recording, 200
 * for the same one again, 503 while the database is away, and a distinct status for each refusal); {@link WebDavFilter}
 * answers OPTIONS, PROPFIND and GET/HEAD with ranges from {@code io.verbatim.ingest.CaptureFiles} and refuses any
 * change. Upload credentials are decided by {@code io.verbatim.devices} and allowed networks by
 * {@code io.verbatim.settings}; an address with repeated failures gets 429 through
 * {@code io.verbatim.directory.SignInThrottle}.
 */
package io.verbatim.web.ingest;
