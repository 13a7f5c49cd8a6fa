package dev.ft.platform;

import dev.ft.monitoring.control.ThisNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Which node answers, and which members of its cluster it sees (none when it runs alone). */
@Readiness
@ApplicationScoped
public class ClusterHealthCheck implements HealthCheck {

  @Inject ThisNode node;
  @Inject Grid grid;

  @Override
  public HealthCheckResponse call() {
    List<String> members = grid.members();
    return HealthCheckResponse.named("node")
        .up()
        .withData("name", node.name())
        .withData("clustered", grid.isClustered())
        .withData("members", String.join(",", members))
        .build();
  }
}
