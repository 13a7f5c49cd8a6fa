package dev.ft.links.control;

import dev.ft.links.entity.Drop;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's proof that it gave a drop's password, so the upload form needs no password of its own
 * and the server keeps no session for it: {@code id.expiry.mac}, the MAC keyed with the drop's
 * password hash, which never leaves the server. Any node can check it; changing nothing on the
 * server, it dies with the drop, at its own expiry, or at the drop's.
 */
public final class DropGrants {
  public static final Duration LIFETIME = Duration.ofHours(1);

  private DropGrants() {}

  public static String issue(Drop drop, Instant now) {
    Instant until =
        now.plus(LIFETIME).isBefore(drop.expiresAt()) ? now.plus(LIFETIME) : drop.expiresAt();
    String claim = drop.id() + "." + until.getEpochSecond();
    return claim + "." + mac(drop, claim);
  }

  public static boolean isValid(String grant, Drop drop, Instant now) {
    if (grant == null || !drop.hasPassword()) {
      return false;
    }
    String[] parts = grant.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(drop.id()) || !parts[1].matches("[0-9]{1,12}")) {
      return false;
    }
    if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
      return false;
    }
    String expected = mac(drop, parts[0] + "." + parts[1]);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
  }

  private static String mac(Drop drop, String claim) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(drop.passwordHash().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
