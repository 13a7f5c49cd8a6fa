package dev.ft.accounts.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Tells {@link BrowserSessions} when the runtime creates or ends a session. */
@WebListener
public class SessionCounter implements HttpSessionListener {

  @Inject BrowserSessions sessions;

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    sessions.opened();
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessions.closed();
  }
}
