/**
 * The people who may sign in, the groups they form and who holds a recorder licence, and checking that people are who
 * they say they are. {@link Directory} administers users; {@link SignIn} checks a password (with
 * {@link SignInThrottle}, the back-off against guessing) and a browser session's fingerprint; {@link Groups} administers
 * groups; {@link Licences} says who holds a licence, first come, first served within the number installed for the PBX.
 * It also keeps API tokens, the CSV user import and the first administrator created at first start. Which PBX an entry
 * belongs to is {@code io.verbatim.tenancy}'s to say, who is calling {@code io.verbatim.caller}'s. Passwords are hashed
 * with {@code io.verbatim.crypto}, sign-ins and changes are logged through {@code io.verbatim.audit}, and the installed
 * licence number comes from {@code io.verbatim.settings}.
 */
package io.verbatim.directory;
