package dev.ft.accounts.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An admin may stop being one, or be removed, only while another admin remains. */
class LastAdminTest {
  private static Account admin(String username) {
    return new Account(username, "hash", Role.ADMIN, Instant.EPOCH);
  }

  @Test
  void theOnlyAdminCannotLeave() {
    Account root = admin("root");
    assertFalse(Accounts.anotherAdminThan(root, List.of(root)));
  }

  @Test
  void anAdminCanLeaveWhileAnotherRemains() {
    Account root = admin("root");
    assertTrue(Accounts.anotherAdminThan(root, List.of(root, admin("ops"))));
  }

  @Test
  void theSameAccountReadAgainIsNotAnotherAdmin() {
    // The list comes from a fresh query; its row for the leaving admin may be another object.
    assertFalse(Accounts.anotherAdminThan(admin("Root"), List.of(admin("root"))));
  }

  @Test
  void noAdminsLeftMeansNoneRemains() {
    assertFalse(Accounts.anotherAdminThan(admin("root"), List.of()));
  }
}
