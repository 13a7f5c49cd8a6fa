package dev.ft.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests against the real WAR on a managed Payara Micro over HTTPS, configured as
 * payara/serve configures it. Each subclass gets its own server; the database and data folder are
 * shared for the whole run, so every test makes its own users.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ServerIT {

  protected static final Api api = Api.fromSystemProperties();

  @Deployment(testable = false)
  public static WebArchive deployment() {
    // Named ROOT.war so Payara Micro serves it at context root "/", as in production.
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(new File(System.getProperty("ft.it.war")))
        .as(WebArchive.class);
  }
}
