package dev.semcache.service.dashboard;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts headless Chromium through the system's chromedriver, for browser tests.
 *
 * <p>Only the binaries installed on the machine are used (Debian's {@code chromium} and {@code chromium-driver}, or
 * the paths in {@code SEMCACHE_CHROMIUM} and {@code SEMCACHE_CHROMEDRIVER}); Selenium Manager never downloads a
 * browser or driver. Without them the tests are skipped, or fail when {@code SEMCACHE_REQUIRE_BROWSER=1} or
 * {@code CI=true}.
 */
final class Chromium {
    private static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    private Chromium() {}

    /**
     * Starts a browser with a fresh profile, or skips (or fails) the calling test when there is none.
     *
     * @param profile a fresh, empty directory for the browser's profile
     * @return the browser; quit it when done
     */
    static ChromeDriver start(Path profile) {
        Path browser = Path.of(env("SEMCACHE_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("SEMCACHE_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(driver)) {
            String message = "browser tests need Chromium and chromedriver at " + browser + " and " + driver
                    + " (install: " + INSTALL + "; or set SEMCACHE_CHROMIUM and SEMCACHE_CHROMEDRIVER)";
            if ("1".equals(System.getenv("SEMCACHE_REQUIRE_BROWSER")) || "true".equals(System.getenv("CI"))) {
                fail(message + "; failing because SEMCACHE_REQUIRE_BROWSER=1 or CI=true");
            }
            Assumptions.abort(message + "; skipped (SEMCACHE_REQUIRE_BROWSER=1 makes this a failure)");
        }
        // Naming the driver here keeps Selenium Manager from looking for (and downloading) one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driver.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.manage().window().setSize(new Dimension(1280, 900));
        return chrome;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
