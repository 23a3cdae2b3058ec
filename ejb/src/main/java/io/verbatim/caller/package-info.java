/**
 * Who is calling ({@link Caller}): name, tenant, roles, the client's address and view-as, filled once per request by
 * the web tier and read by every capability. A shared kernel: it depends on nothing of Verbatim's, so the capabilities
 * that read it need not depend on each other (or on the directory) to learn who is calling.
 */
package io.verbatim.caller;
