/**
 * Encryption at rest of the stored files, and the hashes that stand in for stored passwords.
 * {@link EncryptingBlobStore} wraps the blob store of {@code io.verbatim.storage}, so every original, audio file,
 * quarantined upload and export is encrypted with its PBX's active crypt key (else the deployment's) and decrypted on
 * the fly when read; {@link KeyRing} holds the crypt keys administrators set, their data keys encrypted by the server's
 * master key file; {@link PasswordHash} is the salted PBKDF2 hash of user and device passwords. Which crypt key is
 * active is set through {@code io.verbatim.settings}. Keep the master key file backed up and apart from the data:
 * without it nothing encrypted can be read.
 */
package io.verbatim.crypto;
