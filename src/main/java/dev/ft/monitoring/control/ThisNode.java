package dev.ft.monitoring.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of this server among several: {@code FT_NODE_NAME}, else the host's name. Log lines and
 * metrics carry it, so an operator can tell the nodes behind one balancer apart.
 */
@ApplicationScoped
public class ThisNode {

  @Inject
  @ConfigProperty(name = "ft.node-name")
  Optional<String> configured;

  private String name;

  @PostConstruct
  void decide() {
    name = configured.filter(n -> !n.isBlank()).map(String::strip).orElseGet(ThisNode::hostName);
  }

  public String name() {
    return name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
