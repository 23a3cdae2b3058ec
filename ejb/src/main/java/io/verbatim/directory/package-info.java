/**
 * The people who may sign in, the groups they form, the PBXs (tenants) they belong to and who holds a recorder licence,
 * and checking that people are who they say they are. {@link Directory} administers users and tells the caller's
 * tenant, which most services use to keep each PBX to its own; {@link SignIn} checks a password (with
 * {@link SignInThrottle}, the back-off against guessing) and a browser session's fingerprint; {@link Groups} administers
 * groups; {@link Licences} says who holds a licence, first come, first served within the number installed for the PBX;
 * {@link Tenants} lists and registers the PBXs. It also keeps API tokens, the CSV user import and the first
 * administrator created at first start. Passwords are hashed with {@code io.verbatim.crypto}, sign-ins and changes are
 * logged through {@code io.verbatim.audit}, and the installed licence number comes from {@code io.verbatim.settings}.
 */
package io.verbatim.directory;
