/**
 * The action log: every action a compliance officer may ask about (who did what, when, from where, to which recording),
 * append-only and hash-chained per PBX, with the deployment's own chain beside them, and its search, verification and
 * exports. {@link ActionLog} is where every package writes its entries (in the caller's transaction, so an entry exists
 * exactly when its action took effect) and where the chains are checked; {@link Action} names what can be logged;
 * {@link ActionLogExports} keeps the export requests that the {@code action-log-export} job fulfils. Each entry's "from
 * where" is the request's address and its "as whom" the administrator's view as, both set by the web tier in
 * {@code io.verbatim.caller.Caller}; export files are kept in {@code io.verbatim.storage}. A new kind of logged
 * action is a new {@link Action}; the export's PDF is made in {@code io.verbatim.report}.
 */
package io.verbatim.audit;
