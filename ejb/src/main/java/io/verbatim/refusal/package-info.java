/**
 * The shared kernel's refusals: {@link Refusal}, the one type of "no" every capability raises and every edge answers
 * by its kind alone (the API and the upload servlet with a status, a page with the message, next to the field when the
 * refusal names one). Each capability keeps its own subclass, named for what happened; the ones several capabilities
 * raise live here ({@link NoSuchEntryException}, {@link InvalidEntryException}). It depends on nothing of Verbatim's.
 */
package io.verbatim.refusal;
