package dev.ft.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which servers the client trusts: the system's CAs, the certificates of a PEM file, or (warned)
 * any.
 */
final class Tls {
  private Tls() {}

  static SSLContext trusting(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca" + i++, cert);
      }
      if (i == 0) {
        throw new Failure(Failure.USAGE, "no certificate in " + pemFile);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new Failure(
          Failure.USAGE, "cannot read the certificate file " + pemFile + ": " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new Failure(Failure.USAGE, "not a PEM certificate file: " + pemFile);
    }
  }

  static SSLContext trustingAnything() {
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    TrustManager anything =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {anything}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
