package io.verbatim.web.ui;

import io.smallrye.health.SmallRyeHealthReporter;
import io.verbatim.alarm.Alarm;
import io.verbatim.alarm.AlarmCondition;
import io.verbatim.alarm.Alarms;
import io.verbatim.alarm.Lamp;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The Health page (the operator): a lamp per area, the probes, the current alarms to acknowledge, and their history. */
@Named
@ViewScoped
public class HealthConsole implements Serializable {

    private static final int HISTORY = 50;

    @Inject
    Alarms alarms;

    @Inject
    SmallRyeHealthReporter probes;

    /** An area's lamp as the page shows it. */
    public record LampRow(String area, Lamp lamp) implements Serializable {
        public String getStyle() {
            return "vb-lamp vb-lamp-" + lamp.name().toLowerCase();
        }
    }

    /** A probe's verdict as the page shows it. */
    public record Probe(String name, boolean up, String detail) implements Serializable {
    }

    private List<LampRow> lamps;
    private List<Alarm> active;
    private List<Alarm> history;
    private List<Probe> checks;

    public List<LampRow> getLamps() {
        if (lamps == null) {
            Map<AlarmCondition.Area, Lamp> lit = alarms.lamps();
            lamps = lit.entrySet().stream().map(e -> new LampRow(e.getKey().title(), e.getValue())).toList();
        }
        return lamps;
    }

    public List<Alarm> getActive() {
        if (active == null) {
            active = alarms.active();
        }
        return active;
    }

    public List<Alarm> getHistory() {
        if (history == null) {
            history = alarms.history(HISTORY);
        }
        return history;
    }

    /** What /health tells a load balancer, read here the same way. */
    public List<Probe> getChecks() {
        if (checks == null) {
            checks = probes.getHealth().getPayload().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .map(c -> new Probe(c.getString("name"), "UP".equals(c.getString("status")),
                            c.containsKey("data") ? c.getJsonObject("data").toString() : ""))
                    .toList();
        }
        return checks;
    }

    public void acknowledge(Alarm alarm) {
        if (Pages.attempt(() -> alarms.acknowledge(alarm.getId()))) {
            Pages.say("Acknowledged: " + alarm.title());
        }
        refresh();
    }

    public void refresh() {
        lamps = null;
        active = null;
        history = null;
        checks = null;
    }
}
