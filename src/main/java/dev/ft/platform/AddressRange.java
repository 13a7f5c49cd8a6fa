package dev.ft.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); a
 * lone address is a range of one. Only numeric addresses are accepted: nothing here ever asks DNS.
 */
public record AddressRange(byte[] network, int prefixLength, String text) {

  public static Optional<AddressRange> parse(String value) {
    if (value == null || value.isBlank() || value.length() > 50) {
      return Optional.empty();
    }
    String text = value.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    Optional<byte[]> bytes = numeric(address);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    int bits = bytes.get().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String digits = text.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(digits);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new AddressRange(bytes.get(), prefix, text));
  }

  /** Whether an address (as the runtime gives it: numeric) lies in this range. */
  public boolean contains(String address) {
    return numeric(address).filter(this::contains).isPresent();
  }

  private boolean contains(byte[] candidate) {
    if (candidate.length != network.length) {
      return false;
    }
    int shift = network.length * 8 - prefixLength;
    return new BigInteger(1, candidate)
        .shiftRight(shift)
        .equals(new BigInteger(1, network).shiftRight(shift));
  }

  private static Optional<byte[]> numeric(String address) {
    if (address == null || address.isEmpty()) {
      return Optional.empty();
    }
    return address.indexOf(':') >= 0 ? ipv6(address) : ipv4(address);
  }

  private static Optional<byte[]> ipv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) value;
    }
    return Optional.of(bytes);
  }

  /** With a colon in it, the runtime reads the text as an IPv6 literal and never asks DNS. */
  private static Optional<byte[]> ipv6(String address) {
    int zone = address.indexOf('%');
    String literal = zone < 0 ? address : address.substring(0, zone);
    if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return Optional.empty();
    }
    try {
      byte[] bytes = InetAddress.getByName("[" + literal + "]").getAddress();
      return Optional.of(bytes);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
