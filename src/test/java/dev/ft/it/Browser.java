package dev.ft.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, with a fresh
 * profile each time. It accepts the test server's self-signed certificate.
 */
public final class Browser implements AutoCloseable {
  private final WebDriver driver;
  private final Api api;

  private Browser(WebDriver driver, Api api) {
    this.driver = driver;
    this.api = api;
  }

  public static Browser open(Api api) {
    return open(api, null);
  }

  /** A browser that saves what it downloads into {@code downloads}, without asking. */
  public static Browser open(Api api, Path downloads) {
    return open(api, downloads, true);
  }

  /** A browser with JavaScript switched off, as some people and some pages run it. */
  public static Browser withoutScripts(Api api) {
    return open(api, null, false);
  }

  private static Browser open(Api api, Path downloads, boolean scripts) {
    ChromeOptions options = new ChromeOptions();
    java.util.Map<String, Object> prefs = new java.util.HashMap<>();
    if (downloads != null) {
      prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
      prefs.put("download.prompt_for_download", false);
    }
    if (!scripts) {
      prefs.put("profile.managed_default_content_settings.javascript", 2);
    }
    options.setExperimentalOption("prefs", prefs);
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900");
    options.setAcceptInsecureCerts(true);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, api);
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(api.uri(path).toString());
  }

  public WebElement find(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** Clicks something that loads a new page, and waits until the new page is there. */
  public void clickAndWait(WebElement element) {
    WebElement page = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(page));
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  public String text(String css) {
    return find(css).getText();
  }

  public void signIn(String username, String password) {
    go("/admin/login");
    find("#username").sendKeys(username);
    find("#password").sendKeys(password);
    clickAndWait(find("#sign-in"));
  }

  /** Chromium reports a replaced page's node either as stale or as not in the document. */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }
  }

  /** The row of a table whose data attribute has this value. */
  public WebElement row(String attribute, String value) {
    return driver.findElements(By.cssSelector("tr[" + attribute + "]")).stream()
        .filter(row -> value.equals(row.getDomAttribute(attribute)))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no row with " + attribute + "=" + value + " on " + driver.getCurrentUrl()));
  }

  public boolean hasRow(String attribute, String value) {
    return driver.findElements(By.cssSelector("tr[" + attribute + "]")).stream()
        .anyMatch(row -> value.equals(row.getDomAttribute(attribute)));
  }

  /** Saves what the page shows now, for the record. */
  public void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("ft.it.screenshots"));
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
