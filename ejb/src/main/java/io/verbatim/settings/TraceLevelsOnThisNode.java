package io.verbatim.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Keeps this node's log levels as the settings say: at start, and every minute for changes made through another
 * node (the node that takes a change applies it at once).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class TraceLevelsOnThisNode {

    @Inject
    Settings settings;

    @PostConstruct
    void atStart() {
        settings.applyTraceLevels();
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void refresh() {
        settings.applyTraceLevels();
    }
}
