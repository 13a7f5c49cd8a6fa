package dev.ft.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedClientsTest {
  private final ForwardedClients balancers = ForwardedClients.parse("10.0.0.0/8, 192.0.2.10");

  @Test
  void aTrustedProxyNamesTheClient() {
    assertEquals("203.0.113.7", balancers.clientOf("10.1.2.3", "203.0.113.7", null));
    assertEquals(
        "203.0.113.7",
        balancers.clientOf("10.1.2.3", "203.0.113.7, 192.0.2.10", null),
        "a chain of trusted proxies is walked from the server outwards");
  }

  @Test
  void anyoneElsesHeadersAreIgnored() {
    assertEquals("198.51.100.1", balancers.clientOf("198.51.100.1", "203.0.113.7", null));
    assertTrue(ForwardedClients.parse("").isEmpty());
    assertEquals("10.1.2.3", ForwardedClients.parse(" ").clientOf("10.1.2.3", "203.0.113.7", null));
  }

  @Test
  void whatAClientWroteBeyondTheFirstUntrustedHopIsNotBelieved() {
    // the client sent "X-Forwarded-For: 1.1.1.1"; the balancer appended what it saw
    assertEquals("203.0.113.7", balancers.clientOf("10.1.2.3", "1.1.1.1, 203.0.113.7", null));
    assertEquals("10.1.2.3", balancers.clientOf("10.1.2.3", "not-an-address", null));
  }

  @Test
  void rfc7239ForwardedIsReadWhenThereIsNoXForwardedFor() {
    assertEquals(
        "2001:db8::1",
        balancers.clientOf("10.1.2.3", null, "for=\"[2001:db8::1]:4711\";proto=https"));
    assertEquals(
        "203.0.113.7", balancers.clientOf("10.1.2.3", null, "for=203.0.113.7:5000, for=10.0.0.9"));
    assertEquals(
        List.of("unknown", "192.0.2.60"),
        ForwardedClients.forwardedFor("proto=https, For=192.0.2.60;by=10.0.0.1"));
  }

  @Test
  void aMalformedRangeStopsTheStart() {
    assertThrows(StartRefused.class, () -> ForwardedClients.parse("10.0.0.0/99"));
  }
}
