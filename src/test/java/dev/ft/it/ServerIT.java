package dev.ft.it;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests against the real WAR as {@code payara/serve} runs it, over HTTPS. Every subclass
 * of a test run talks to the same server ({@link SharedServer}), database and data folder, so every
 * test makes its own users.
 */
@ExtendWith(SharedServer.class)
public abstract class ServerIT {

  protected static final Api api = Api.fromSystemProperties();
}
