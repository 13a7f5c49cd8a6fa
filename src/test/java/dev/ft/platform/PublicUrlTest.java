package dev.ft.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

  private static PublicUrl of(String configured) {
    PublicUrl cut = new PublicUrl();
    cut.configured = Optional.ofNullable(configured);
    cut.init();
    return cut;
  }

  @Test
  void aConfiguredAddressLosesItsTrailingSlash() {
    assertEquals(
        Optional.of(URI.create("https://files.example.org/ft")),
        of("https://files.example.org/ft/").base());
    assertEquals(Optional.empty(), of(null).base());
    assertEquals(Optional.empty(), of(" ").base());
  }

  @Test
  void anythingButAnAbsoluteHttpUrlStopsTheStart() {
    for (String bad : new String[] {"files.example.org", "ftp://x", "https://x/?a=b", "/ft"}) {
      assertThrows(IllegalStateException.class, () -> of(bad), bad);
    }
  }
}
