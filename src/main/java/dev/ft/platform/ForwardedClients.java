package dev.ft.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who the client is behind trusted proxies ({@code FT_TRUSTED_PROXIES}): from a trusted peer, the
 * address its {@code X-Forwarded-For} (or else {@code Forwarded}) header names nearest to the
 * server that is not itself a trusted proxy. From anyone else those headers are ignored: a client
 * could write anything there.
 */
public final class ForwardedClients {
  private final List<AddressRange> proxies;

  public ForwardedClients(List<AddressRange> proxies) {
    this.proxies = List.copyOf(proxies);
  }

  /** The ranges of {@code FT_TRUSTED_PROXIES}: comma-separated addresses and CIDR ranges. */
  public static ForwardedClients parse(String setting) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String text : setting == null ? new String[0] : setting.split(",")) {
      if (!text.isBlank()) {
        ranges.add(
            AddressRange.parse(text.strip())
                .orElseThrow(
                    () ->
                        new StartRefused(
                            "FT_TRUSTED_PROXIES: '"
                                + text.strip()
                                + "' is not an address or CIDR range")));
      }
    }
    return new ForwardedClients(ranges);
  }

  public boolean isEmpty() {
    return proxies.isEmpty();
  }

  /**
   * The client's address: {@code peer} itself unless it is a trusted proxy that says whom it
   * forwards for.
   */
  public String clientOf(String peer, String xForwardedFor, String forwarded) {
    if (!trusted(peer)) {
      return peer;
    }
    List<String> hops =
        xForwardedFor != null && !xForwardedFor.isBlank()
            ? Arrays.stream(xForwardedFor.split(",")).map(String::strip).toList()
            : forwardedFor(forwarded);
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) { // from the nearest hop outwards
      String hop = hops.get(i);
      if (AddressRange.parse(hop).isEmpty()) {
        break; // "unknown", a name, garbage: nothing beyond it can be believed
      }
      client = hop;
      if (!trusted(hop)) {
        break;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    return proxies.stream().anyMatch(range -> range.contains(address));
  }

  /** The {@code for=} values of RFC 7239's header, without quotes, brackets or ports. */
  static List<String> forwardedFor(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    List<String> hops = new ArrayList<>();
    for (String element : header.split(",")) {
      Optional<String> value =
          Arrays.stream(element.split(";"))
              .map(String::strip)
              .filter(pair -> pair.toLowerCase(Locale.ROOT).startsWith("for="))
              .map(pair -> pair.substring(4).replace("\"", ""))
              .findFirst();
      hops.add(value.map(ForwardedClients::withoutPort).orElse("unknown"));
    }
    return hops;
  }

  private static String withoutPort(String node) {
    if (node.startsWith("[")) { // [2001:db8::1]:4711
      int end = node.indexOf(']');
      return end > 0 ? node.substring(1, end) : node;
    }
    int colon = node.indexOf(':');
    return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
  }
}
