package dev.ft.files.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a header such as {@code form-data; name="file"; filename="a.txt"}: quoted
 * strings with backslash escapes, and RFC 5987 {@code filename*=UTF-8''…} which wins over the plain
 * form.
 */
final class HeaderParameters {
  private HeaderParameters() {}

  static Map<String, String> parse(String header) {
    Map<String, String> params = new HashMap<>();
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      i++;
      int eq = header.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      while (j < header.length() && header.charAt(j) == ' ') {
        j++;
      }
      if (j < header.length() && header.charAt(j) == '"') {
        j++;
        while (j < header.length() && header.charAt(j) != '"') {
          char c = header.charAt(j);
          if (c == '\\' && j + 1 < header.length()) {
            c = header.charAt(++j);
          }
          value.append(c);
          j++;
        }
        j = header.indexOf(';', j);
      } else {
        int end = header.indexOf(';', j);
        value.append(header, j, end < 0 ? header.length() : end);
        j = end;
      }
      params.put(key, value.toString().strip());
      i = j;
    }
    String extended = params.remove("filename*");
    if (extended != null) {
      decodeExtended(extended).ifPresent(name -> params.put("filename", name));
    }
    return params;
  }

  private static java.util.Optional<String> decodeExtended(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0 || !value.substring(0, first).equalsIgnoreCase("UTF-8")) {
      return java.util.Optional.empty();
    }
    try {
      String encoded = value.substring(second + 1).replace("+", "%2B");
      return java.util.Optional.of(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
