package io.verbatim.alarm;

/** An area's lamp on the Health page, in rising order of urgency. */
public enum Lamp {
    /** Nothing active. */
    OK,
    /** Active alarms, all acknowledged. */
    ACKNOWLEDGED,
    /** An active alarm nobody has acknowledged yet. */
    ALARM
}
