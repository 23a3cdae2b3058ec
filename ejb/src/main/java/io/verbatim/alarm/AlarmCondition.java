package io.verbatim.alarm;

/**
 * What can be wrong, each in the area of the Health page whose lamp it lights. A condition alarm clears itself when
 * the condition goes away; an event alarm (something that happened and is over, as a database outage or a failed job)
 * stays until an administrator acknowledges it.
 */
public enum AlarmCondition {
    DISK_LOW(Area.STORAGE, "Disk below the reserve", false),
    CONVERSION_FAILURES(Area.CONVERSION, "Conversions failed", false),
    CONVERSION_BACKLOG(Area.CONVERSION, "Conversion backlog", false),
    CLAIMS_ABANDONED(Area.CONVERSION, "A node's conversions abandoned", true),
    DATABASE_UNREACHABLE(Area.DATABASE, "Database was unreachable", true),
    CALL_INFORMATION_MISSING(Area.CALL_INFORMATION, "Call information missing", false),
    LICENCES_OVER_ASSIGNED(Area.LICENCES, "Licences over-assigned", false),
    ACTION_LOG_BROKEN(Area.COMPLIANCE, "Action log chain broken", false),
    SEAL_BROKEN(Area.COMPLIANCE, "Seal verification failed", true),
    JOB_FAILED(Area.JOBS, "Job failed", true),
    BACKUP_OVERDUE(Area.JOBS, "Backup overdue", false),
    WEBHOOK_DISABLED(Area.DELIVERY, "Webhook disabled", false),
    MAIL_FAILING(Area.DELIVERY, "Mail delivery failing", false);

    /** The Health page's lamps. */
    public enum Area {
        STORAGE("Storage"), DATABASE("Database"), CONVERSION("Conversion"), CALL_INFORMATION("Call information"),
        LICENCES("Licences"), COMPLIANCE("Compliance"), JOBS("Jobs"), DELIVERY("Delivery");

        private final String title;

        Area(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Area area;
    private final String title;
    private final boolean event;

    AlarmCondition(Area area, String title, boolean event) {
        this.area = area;
        this.title = title;
        this.event = event;
    }

    public Area area() {
        return area;
    }

    public String title() {
        return title;
    }

    /** Whether it reports something that happened (cleared by acknowledging it) rather than a state that may pass. */
    public boolean event() {
        return event;
    }
}
