/**
 * Refusals any capability may raise and every edge answers alike (the API with a status and a message, a page with
 * the message): here so that raising one does not tie a capability to another's package. It depends on nothing of
 * Verbatim's. {@link NoSuchEntryException} is the first; the others still live with the capability that raised them
 * first (issue 22 gathers them into one refusal type).
 */
package io.verbatim.refusal;
