package dev.ft.files.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadResponsesTest {

  @Test
  void encodesTheExactNameAsRfc8187Says() {
    assertEquals(
        "attachment; filename=\"a*b 'c' (1).txt\"; filename*=UTF-8''a%2Ab%20%27c%27%20%281%29.txt",
        DownloadResponses.contentDisposition("a*b 'c' (1).txt"));
  }

  @Test
  void keepsEveryAttrCharAndEncodesTheRestByteForByte() {
    assertEquals("AZaz09!#$&+-.^_`|~", DownloadResponses.rfc8187("AZaz09!#$&+-.^_`|~"));
    assertEquals(
        "%25%2F%3B%3D%2C%22%5C%C3%A9%F0%9F%98%80", DownloadResponses.rfc8187("%/;=,\"\\é😀"));
  }
}
