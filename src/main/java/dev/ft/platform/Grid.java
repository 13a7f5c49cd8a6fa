package dev.ft.platform;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data grid that Payara Micro's Hazelcast forms among the nodes of one cluster ({@code
 * FT_CLUSTER_NAME}), for the state that decides who may do what and must be the same on every node.
 * Alone (no cluster name), there is no grid and every caller keeps its state in this JVM.
 *
 * <p>The grid's traffic is neither authenticated nor encrypted: only hashes, counters and usernames
 * go into it, never a token, a password or its hash, and it belongs on a private network.
 */
@ApplicationScoped
public class Grid {

  @Inject
  @ConfigProperty(name = "ft.cluster-name")
  Optional<String> clusterName;

  @Inject Instance<HazelcastInstance> hazelcast;

  private HazelcastInstance instance;

  @PostConstruct
  void join() {
    if (clusterName.filter(name -> !name.isBlank()).isPresent()) {
      instance = hazelcast.get();
    }
  }

  public boolean isClustered() {
    return instance != null;
  }

  /** A map shared by every node; only when clustered. */
  public <K, V> IMap<K, V> map(String name) {
    return grid().getMap(name);
  }

  /** Tells every node, this one included. */
  public void broadcast(String topic, Serializable message) {
    grid().getReliableTopic(topic).publish(message);
  }

  /** Hears what any node broadcasts on {@code topic}. */
  public <T> void listen(String topic, Consumer<T> listener) {
    ITopic<T> messages = grid().getReliableTopic(topic);
    messages.addMessageListener(message -> listener.accept(message.getMessageObject()));
  }

  /** This node's identity in the grid, new at every start; only when clustered. */
  public String memberId() {
    return grid().getCluster().getLocalMember().getUuid().toString();
  }

  /** The identities of the members alive now; only when clustered. */
  public Set<String> memberIds() {
    return grid().getCluster().getMembers().stream()
        .map(member -> member.getUuid().toString())
        .collect(Collectors.toSet());
  }

  /** The members this node sees, by address; empty when alone. */
  public List<String> members() {
    if (instance == null) {
      return List.of();
    }
    return instance.getCluster().getMembers().stream()
        .map(Member::getAddress)
        .map(Object::toString)
        .sorted()
        .toList();
  }

  private HazelcastInstance grid() {
    if (instance == null) {
      throw new IllegalStateException("no data grid: this server runs alone");
    }
    return instance;
  }
}
