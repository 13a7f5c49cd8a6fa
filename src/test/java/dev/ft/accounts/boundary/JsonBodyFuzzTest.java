package dev.ft.accounts.boundary;

import static dev.ft.fuzz.Refusals.acceptedOrRefused;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ft.accounts.entity.Password;
import dev.ft.accounts.entity.Role;
import dev.ft.accounts.entity.Username;
import dev.ft.admin.boundary.RoleChange;
import dev.ft.files.boundary.VisibilityChange;
import dev.ft.files.entity.Visibility;
import dev.ft.fuzz.FuzzBudget;
import dev.ft.fuzz.Refusals;
import dev.ft.platform.JsonBodyCheck;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Timeout;

/**
 * The API's JSON bodies as the server reads them: {@link JsonBodyCheck}, then the runtime's JSON-B
 * (Yasson) binding, then our rules. Any bytes end in a value or a 400, promptly (the timeout
 * catches the endless loop this found in the runtime's JSON-P).
 */
class JsonBodyFuzzTest {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
  @Timeout(
      FuzzBudget.TIMEOUT_SECONDS) // per input when fuzzing, per seed otherwise: a hang is a finding
  void anyBodyIsBoundOrRefused(byte[] body) throws IOException {
    if (acceptedOrRefused(() -> wellFormed(body)).isEmpty()) {
      return;
    }
    expectValueOr400(
        () -> {
          Credentials credentials =
              Credentials.require(
                  JSONB.fromJson(new ByteArrayInputStream(body), Credentials.class));
          Username.require(credentials.username());
          return Password.requireValid(credentials.password());
        });
    expectValueOr400(
        () -> {
          VisibilityChange change =
              JSONB.fromJson(new ByteArrayInputStream(body), VisibilityChange.class);
          return Visibility.fromWireName(change == null ? null : change.visibility());
        });
    expectValueOr400(
        () -> {
          RoleChange change = JSONB.fromJson(new ByteArrayInputStream(body), RoleChange.class);
          return Role.fromWireName(change == null ? null : change.role());
        });
  }

  private static byte[] wellFormed(byte[] body) {
    JsonBodyCheck.requireWellFormed(body);
    return body;
  }

  private static void expectValueOr400(Refusals.Parse<?> binding) throws IOException {
    try {
      acceptedOrRefused(binding);
    } catch (JsonbException | JsonException refusedByTheRuntime) {
      // a 400 problem document from UnreadableBodyMapper
    }
  }
}
