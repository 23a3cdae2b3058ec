/**
 * Who may see and hear which recording: the one access rule every read goes through, the app objects that widen it
 * (access lists, deletion mode, a 4-eyes monitor), 4-eyes grants, and an administrator's read-only "view as".
 * {@link AccessPolicy} is the rule, used both as a query condition and as a check on one recording, so that a list and
 * a single read can never disagree; {@link AppObjects} administers app objects; {@link FourEyes} handles requests and
 * grants. It reads people, groups and roles from {@code io.verbatim.directory} and who is calling from
 * {@code io.verbatim.caller}, builds its conditions over any query root with a recording's {@code pbx}, {@code owner}
 * and {@code onlyMe} (so it needs no {@code io.verbatim.recording}, which applies it), and logs 4-eyes and "view as"
 * steps through {@code io.verbatim.audit}. A change to who sees what belongs here, not in a REST resource or a page.
 */
package io.verbatim.access;
