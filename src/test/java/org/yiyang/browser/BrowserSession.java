package org.yiyang.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving Debian's Chromium ({@code /usr/bin/chromium}, or {@code YIYANG_CHROMIUM}); no
 * browser is downloaded. Screenshots of each journey go to target/screenshots for people to look at.
 */
final class BrowserSession implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    BrowserSession() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String executable = System.getenv().getOrDefault("YIYANG_CHROMIUM", "/usr/bin/chromium");
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(executable))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    Page newPage(String locale, int width, int height) {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setViewportSize(width, height)).newPage();
    }

    /** A page logged in through the console's login form as a demo user (password "demo"). */
    Page loggedIn(int port, String user, String locale, int width, int height) {
        Page page = newPage(locale, width, height);
        page.navigate("http://localhost:" + port + "/");
        page.locator("#username").fill(user);
        page.locator("#password").fill("demo");
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    static void screenshot(Page page, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
