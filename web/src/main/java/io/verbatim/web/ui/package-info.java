/**
 * The browser pages (Jakarta Faces with PrimeFaces): one backing bean per page or part of one, such as
 * {@link RecordingList} for the Recordings page's list, {@link RecordingActions} for a row's actions,
 * {@link RecordingNotesDialog} for its notes dialog and {@link FourEyesAccess} for its 4-eyes banner, the
 * administrators' pages (users, groups, app objects, settings, jobs, recycle bin, health), the
 * action log page, the 4-eyes monitor page and the sign-in page. Like the REST API, the beans call the EJB module's
 * services and leave the rules to them. {@link PushChannel} tells open pages over a WebSocket when their 4-eyes state
 * changes and ends a monitor's grants once the monitor's browser is gone. The page markup is in
 * {@code src/main/webapp}, and which role reaches which page is set in {@code web.xml}.
 */
package io.verbatim.web.ui;
