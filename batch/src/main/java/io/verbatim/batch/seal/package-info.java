/**
 * The {@code seal} job: sealing, once, the recordings converted before sealing was switched on (those converted
 * afterwards are sealed as they are converted). {@link SealJobStarter} starts it when the change that switched sealing
 * on has committed; {@link UnsealedRecordingReader} reads ready recordings without a seal, of that PBX or of every PBX;
 * {@link RecordingSealWriter} seals each one in the chunk's transaction. The sealing itself is done by
 * {@code io.verbatim.seal.Seals}, and the writer asks {@code io.verbatim.settings} for each recording whether its PBX
 * has sealing on.
 */
package io.verbatim.batch.seal;
