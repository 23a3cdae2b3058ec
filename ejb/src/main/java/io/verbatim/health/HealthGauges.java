package io.verbatim.health;

import io.verbatim.callinfo.CallInformationSettings;
import io.verbatim.callinfo.CallRecords;
import io.verbatim.metrics.Meters;
import io.verbatim.settings.Settings;
import io.verbatim.storage.DiskSpace;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;

/** The measurements of the server's condition that no single capability owns: disk, call information. */
@Singleton
@Startup
public class HealthGauges {

    @Inject
    Meters meters;

    @Inject
    DiskSpace space;

    @Inject
    CallRecords callRecords;

    @Inject
    Settings settings;

    @PostConstruct
    void register() {
        meters.gauge("verbatim.disk.free", "Free space of the data folder's file system", "bytes", space::usable);
        meters.gauge("verbatim.disk.reserve", "Free space kept in reserve: below it uploads are refused", "bytes", space::reserve);
        meters.gauge("verbatim.call.information.waiting", "Recordings inside the waiting window for their call record",
                "recordings", () -> callRecords.waitingRecordings(Duration.ofMinutes(settings.get(null, CallInformationSettings.WAIT_MINUTES))));
    }
}
