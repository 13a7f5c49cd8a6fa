package dev.ft.monitoring.control;

import dev.ft.platform.PooledConnections;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The one registry every meter of this server is in, read by {@code /metrics} in Prometheus' text
 * format. Every series carries the node's name, so the nodes behind one balancer add up. The JVM's
 * own figures (memory, collections, threads, classes, processor, open files, uptime) and the
 * database pool's use are in it too.
 */
@ApplicationScoped
public class ServerMetrics {

  @Inject ThisNode node;

  private PrometheusMeterRegistry registry;
  private JvmGcMetrics collections;

  @PostConstruct
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags(Tags.of("node", node.name()));
    new JvmMemoryMetrics().bindTo(registry);
    collections = new JvmGcMetrics();
    collections.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("ft.db.connections.in.use", PooledConnections::inUse)
        .description("Database connections borrowed from the pool and not yet given back")
        .register(registry);
    Gauge.builder("ft.db.connections.max", PooledConnections::max)
        .description("The most connections the pool hands out at once")
        .register(registry);
    FunctionCounter.builder("ft.db.connections.borrowed", this, m -> PooledConnections.borrowed())
        .description("Database connections borrowed from the pool since the start")
        .register(registry);
  }

  @PreDestroy
  void stop() {
    collections.close();
    registry.close();
  }

  /** For any bean that counts something: the registry itself, not a proxy of it. */
  @Produces
  MeterRegistry registry() {
    return registry;
  }

  /** Every meter, in Prometheus' text exposition format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }
}
