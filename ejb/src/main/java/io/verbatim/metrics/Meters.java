package io.verbatim.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The server's measurements, in one Micrometer registry read as Prometheus text at {@code /metrics}. The
 * application's own are named {@code verbatim_…}; the JVM's come from Micrometer's binders. Each capability records
 * its own (uploads, conversions, action-log appends) and registers gauges for what it owns.
 */
@ApplicationScoped
public class Meters {

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }

    /** Everything measured, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** An upload answered: {@code outcome} is what the device was told (created, duplicate, rejected, disk_full…). */
    public void uploadAnswered(String outcome, long bytesStored) {
        Counter.builder("verbatim.uploads").description("Uploads answered, by outcome")
                .tag("outcome", outcome).register(registry).increment();
        if (bytesStored > 0) {
            Counter.builder("verbatim.upload.bytes").description("Bytes of captures stored").baseUnit("bytes")
                    .register(registry).increment(bytesStored);
        }
    }

    /** A conversion ended: {@code outcome} converted, failed, postponed or timed_out; codec as found, or unknown. */
    public void conversionEnded(String outcome, String codec, Duration took) {
        Counter.builder("verbatim.conversions").description("Conversions ended, by outcome")
                .tag("outcome", outcome).register(registry).increment();
        Timer.builder("verbatim.conversion.duration").description("How long conversions took, by codec")
                .tag("codec", codec).tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry).record(took);
    }

    public void actionLogAppended(String action) {
        Counter.builder("verbatim.action.log.appends").description("Entries appended to the action log, by action")
                .tag("action", action).register(registry).increment();
    }

    /**
     * A value read at each scrape. The supplier is held strongly (Micrometer holds gauges' objects weakly by default,
     * and a bean's proxy would be collected at once).
     */
    public void gauge(String name, String description, String unit, Supplier<Number> value, String... tags) {
        Gauge.builder(name, value).description(description).baseUnit(unit).tags(tags).strongReference(true).register(registry);
    }
}
