package dev.ft.files.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  private static S3Settings of(String... keysAndValues) {
    Map<String, String> config = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      config.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return S3Settings.from(key -> Optional.ofNullable(config.get(key)));
  }

  private static String refusal(String... keysAndValues) {
    return assertThrows(IllegalArgumentException.class, () -> of(keysAndValues)).getMessage();
  }

  @Test
  void aBucketAloneMeansAwsWithTheSdksCredentials() {
    S3Settings settings = of("ft.s3.bucket", "files");
    assertEquals("files", settings.bucket());
    assertEquals(Optional.empty(), settings.endpoint());
    assertEquals("us-east-1", settings.region());
    assertFalse(settings.pathStyle(), "AWS names the bucket in the host");
    assertEquals("", settings.prefix());
    assertEquals(Optional.empty(), settings.accessKey());
    assertEquals(8 << 20, settings.partSize());
  }

  @Test
  void anEndpointMeansPathStyleUnlessToldOtherwise() {
    S3Settings minio = of("ft.s3.bucket", "b", "ft.s3.endpoint", "http://127.0.0.1:9000");
    assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), minio.endpoint());
    assertTrue(minio.pathStyle());
    assertFalse(
        of("ft.s3.bucket", "b", "ft.s3.endpoint", "https://s3.example", "ft.s3.path-style", "false")
            .pathStyle());
  }

  @Test
  void aPrefixEndsWithASlash() {
    assertEquals("ft/", of("ft.s3.bucket", "b", "ft.s3.prefix", "ft").prefix());
    assertEquals("ft/", of("ft.s3.bucket", "b", "ft.s3.prefix", "ft/").prefix());
  }

  @Test
  void thePartSizeGrowsWhenTheLargestFileWouldNeedMoreThan10000Parts() {
    long hundredGiB = 100L << 30;
    S3Settings settings = of("ft.s3.bucket", "b", "ft.max-file-size", Long.toString(hundredGiB));
    assertEquals(11 << 20, settings.partSize(), "10.24 MiB, grown to whole MiB");
    assertTrue(hundredGiB <= (long) settings.partSize() * S3Settings.MAX_PARTS);
  }

  @Test
  void mistakesAreRefusedWithWhatToSet() {
    assertTrue(refusal().contains("FT_S3_BUCKET"));
    assertTrue(refusal("ft.s3.bucket", "b", "ft.s3.endpoint", "minio:9000").contains("http(s)"));
    assertTrue(refusal("ft.s3.bucket", "b", "ft.s3.path-style", "yes").contains("true or false"));
    assertTrue(refusal("ft.s3.bucket", "b", "ft.s3.access-key", "k").contains("FT_S3_SECRET_KEY"));
    assertTrue(refusal("ft.s3.bucket", "b", "ft.s3.part-size", "1048576").contains("8 MiB"));
    assertTrue(refusal("ft.s3.bucket", "b", "ft.s3.part-size", "8M").contains("number of bytes"));
    assertTrue(
        refusal("ft.s3.bucket", "b", "ft.max-file-size", Long.toString(1L << 40))
            .contains("10,000 parts"));
  }
}
