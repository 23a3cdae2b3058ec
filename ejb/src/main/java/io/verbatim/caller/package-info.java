/**
 * The caller of the current request, as the web tier sets it once per request ({@link CallerRequest}: the client's
 * address, whom an administrator is viewing as), read by any capability. A shared kernel: it depends on nothing of
 * Verbatim's, so the capabilities that read it need not depend on each other for it. The caller's name, PBX and roles
 * are still read from the container by each capability (issue 22 moves them here too).
 */
package io.verbatim.caller;
