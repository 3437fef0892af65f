package dev.serviceaccounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver (Selenium downloads nothing),
 * with a fresh profile per browser; {@link #forget()} clears its session between tests.
 */
public final class Browser implements AutoCloseable {

    /** How long a page or element may take: generous, as Chromium on a starved two-core machine is slow. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static final Dimension WINDOW = new Dimension(1280, 900);

    private final ChromeDriver driver;
    private final URI root;
    private final Path profile;

    public Browser(URI root) {
        this.root = root;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WINDOW.width + "," + WINDOW.height, "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(root.resolve(path).toString());
        return this;
    }

    public Browser signIn(String username, String password) {
        open("login.xhtml");
        type("login:username", username);
        type("login:password", password);
        click("login:signIn");
        return this;
    }

    public void type(String id, String text) {
        WebElement field = new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks a button or link that loads a page, and waits until the next page replaced this one. */
    public void click(String id) {
        submit(new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(By.id(id))));
    }

    public void submit(WebElement element) {
        element.click();
        var wait = new WebDriverWait(driver, PATIENCE);
        wait.until(d -> isGone(element));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** Whether the element's page was replaced; Chromium says so in two ways while a page unloads. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks something that acts within the page (no navigation). */
    public void press(String id) {
        driver.findElement(By.id(id)).click();
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String text(String css) {
        return find(css).getText();
    }

    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    /** The page's messages (h:messages), each as shown. */
    public List<String> messages() {
        return texts("#messages li");
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String title() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Saves what the browser shows under target/screenshots, for people to look at. */
    public void screenshot(String name) {
        Path target = Path.of(System.getProperty("it.screenshots", "target/screenshots"), name + ".png");
        try {
            Files.createDirectories(target.getParent());
            long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 140, 900), 4000))); // the whole page
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(WINDOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As if a new browser: no page, no cookie, so no session of an earlier test. */
    public void forget() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(WINDOW);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
