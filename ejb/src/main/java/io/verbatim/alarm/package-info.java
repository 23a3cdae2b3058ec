/**
 * What is wrong with the server, and who is told: alarms raised, cleared and acknowledged, the lamp per area on the
 * Health page, and the mail to the alarm recipients. {@link AlarmWatch} checks the server's condition every minute (by
 * default) and reacts at once to events such as a broken seal or action-log chain; {@link Alarms} raises, clears and
 * acknowledges, logging each step; {@link AlarmMail} mails each change through {@code io.verbatim.mail}. The watch
 * reads the packages whose condition it judges (storage, conversion, database, callinfo, directory's licences, jobs,
 * seal, audit), so a new kind of alarm is a new {@link AlarmCondition} and its check in the watch. Alarms belong to the
 * deployment: only the operator sees and acknowledges them.
 */
package io.verbatim.alarm;
