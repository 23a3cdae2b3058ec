/**
 * The administrators' settings, kept in the database so every node sees the same: each PBX's own (retention, recycle
 * bin, export keeping, output format, call-information wait, licences, "only me", device credentials and networks,
 * WebDAV reader, sealing, its name), over the operator's defaults, and the deployment's (upload limit, trace levels,
 * mail server, registering PBXs on first upload); a crypt key can be the deployment's or a PBX's own. Each setting is
 * declared once ({@link SettingKey}: where it is stored, its API name, whose it is, what it means, its default and its
 * check) by the capability it belongs to ({@link SettingDeclarations}); those that take more than a value are this
 * package's own ({@link SettingKeys}). {@link Settings} reads and changes them, logs each change, and shows them to
 * the page and API without their secrets ({@link SettingsView}, {@link SettingsChange}: by API name, made from the
 * declarations). It hashes device passwords and sets crypt keys through {@code io.verbatim.crypto}, takes which PBX
 * is meant from {@code io.verbatim.tenancy} and who is calling from
 * {@code io.verbatim.caller}, and announces sealing switched on ({@link SealingEnabled}) for the seal job. It also
 * applies the runtime log levels per {@link TraceCategory} on every node.
 */
package io.verbatim.settings;
