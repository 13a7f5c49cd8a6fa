package dev.ft.admin.boundary;

import dev.ft.accounts.boundary.SignInPages;
import jakarta.enterprise.context.ApplicationScoped;

/** The admin page and everything under it is where a browser signs in, at its form. */
@ApplicationScoped
public class AdminPages implements SignInPages {
  private static final String ROOT = "/admin";

  @Override
  public boolean covers(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  @Override
  public String signInPath() {
    return ROOT + "/login";
  }
}
