package dev.ft.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

  private static AddressRange range(String text) {
    return AddressRange.parse(text).orElseThrow(() -> new AssertionError(text + " refused"));
  }

  @Test
  void ipv4RangesContainTheirAddressesOnly() {
    AddressRange office = range("192.0.2.0/24");
    assertTrue(office.contains("192.0.2.0"));
    assertTrue(office.contains("192.0.2.255"));
    assertFalse(office.contains("192.0.3.1"));
    assertFalse(office.contains("2001:db8::1"), "another family is never inside");
    assertTrue(range("10.1.2.3").contains("10.1.2.3"), "a lone address is a range of one");
    assertFalse(range("10.1.2.3").contains("10.1.2.4"));
    assertTrue(range("0.0.0.0/0").contains("203.0.113.9"));
    assertTrue(range("127.0.0.64/31").contains("127.0.0.65"));
    assertFalse(range("127.0.0.64/31").contains("127.0.0.66"));
  }

  @Test
  void ipv6RangesToo() {
    AddressRange doc = range("2001:db8::/32");
    assertTrue(doc.contains("2001:db8:ffff::1"));
    assertFalse(doc.contains("2001:db9::1"));
    assertTrue(range("::1").contains("0:0:0:0:0:0:0:1"), "the runtime's spelling of loopback");
    assertTrue(range("fe80::/10").contains("fe80::1%lo"), "a zone is not part of the address");
  }

  @Test
  void anythingButANumericAddressAndPrefixIsRefused() {
    for (String bad :
        new String[] {
          "",
          " ",
          "example.org",
          "localhost",
          "abc",
          "ab.cd",
          "1.2.3",
          "1.2.3.4.5",
          "256.1.1.1",
          "1.2.3.4/33",
          "1.2.3.4/",
          "1.2.3.4/-1",
          "1.2.3.4/a",
          "::1/129",
          "2001:db8::g",
          "1.2.3.4/24/8",
          "x".repeat(60)
        }) {
      assertEquals(Optional.empty(), AddressRange.parse(bad), "'" + bad + "' must be refused");
    }
    assertFalse(range("10.0.0.0/8").contains("example.org"), "a name is never looked up");
  }
}
