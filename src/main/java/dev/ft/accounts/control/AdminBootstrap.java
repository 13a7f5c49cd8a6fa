package dev.ft.accounts.control;

import dev.ft.accounts.entity.Role;
import dev.ft.platform.RandomText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation can be administered: when no admin exists, creates {@code admin}
 * with {@code FT_ADMIN_PASSWORD}, or with a random password printed once to the log.
 */
@ApplicationScoped
public class AdminBootstrap {
  static final String USERNAME = "admin";
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject Accounts accounts;

  @Inject
  @ConfigProperty(name = "ft.admin-password")
  Optional<String> configuredPassword;

  public void ensureAdminExists() {
    if (accounts.anyAdmin()) {
      return;
    }
    if (accounts.find(USERNAME).isPresent()) {
      LOG.severe(
          "No admin exists and the username 'admin' belongs to a regular user;"
              + " promote an account to admin in the database");
      return;
    }
    String password =
        configuredPassword.filter(p -> !p.isBlank()).orElseGet(AdminBootstrap::randomPassword);
    try {
      accounts.register(USERNAME, password, Role.ADMIN);
    } catch (RuntimeException e) {
      if (accounts.anyAdmin()) { // another node of a cluster, starting at the same moment
        LOG.info("The admin account was created by another node starting at the same time");
        return;
      }
      throw e;
    }
    if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
      LOG.info("Created the admin account 'admin' with the password from FT_ADMIN_PASSWORD");
    } else {
      // The one secret the server ever logs, by design: without it nobody could log in.
      LOG.warning(
          "Created the admin account 'admin' with the generated password "
              + password
              + " (shown once; set FT_ADMIN_PASSWORD to choose it)");
    }
  }

  private static String randomPassword() {
    return RandomText.typeable(18);
  }
}
