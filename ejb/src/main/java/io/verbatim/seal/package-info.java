/**
 * Seals (innovaphone's "watermark"): signing a converted recording's audio hash and fixed metadata with the server's
 * Ed25519 key, and checking later that neither has changed. {@link Seals} seals and verifies; {@link SealedContent} is
 * the exact text that is signed and shipped in the ZIP download; {@link SealKey} keeps the key in the data folder, so
 * every node seals with the same one, and publishes its public half as PEM for anyone to verify with openssl.
 * Conversion seals each recording as it becomes ready while sealing is on, and switching sealing on (announced by
 * {@code io.verbatim.settings}) starts the {@code seal} batch job for the earlier ones. It reads recordings and their audio through
 * {@code io.verbatim.recording} and {@code io.verbatim.storage}, logs through {@code io.verbatim.audit}, and a failed
 * check is announced so that {@code io.verbatim.alarm} raises an alarm.
 */
package io.verbatim.seal;
