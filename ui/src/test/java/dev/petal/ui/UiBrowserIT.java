package dev.petal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs). Skipped, with the reason, where they are absent. With
 * {@code -Dpetal.ui.screenshots=DIR} it also saves the screenshots used in the README.
 */
class UiBrowserIT {
    static final Path CHROMIUM = Path.of(System.getProperty("petal.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("petal.chromedriver", "/usr/bin/chromedriver"));

    @TempDir
    static Path dir;
    static DemoWorkspace demo;
    static UiServer server;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser tests skipped: no headless browser at " + CHROMIUM + " and " + DRIVER
                        + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        demo = new DemoWorkspace(dir.resolve("ws"));
        server = UiServer.start(demo.ws, "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void open(String hash) {
        driver.get("about:blank");   // a fresh page: a hash change alone would keep the app's state
        driver.get(server.uri() + "/" + hash);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** How many pixels of the first canvas under {@code selector} are drawn (not transparent, not white). */
    private static long drawnPixels(String selector) {
        Object n = js("const c = document.querySelector(arguments[0] + ' canvas'); if (!c) return -1;"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250"
                + " && d[i + 2] > 250)) n++; } return n;", selector);
        return ((Number) n).longValue();
    }

    private static void screenshot(String name) throws Exception {
        String target = System.getProperty("petal.ui.screenshots");
        if (target != null && !target.isBlank()) {
            long height = ((Number) js("return Math.min(2200, document.documentElement.scrollHeight);")).longValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) Math.max(900, height)));
            Thread.sleep(600);
            Path out = Path.of(target).resolve(name + ".png");
            Files.createDirectories(out.getParent());
            Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    private static List<String> childIdsInTableOrder() {
        List<String> ids = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#runs tr.child"))) {
            ids.add(tr.getAttribute("data-run-id"));
        }
        return ids;
    }

    @Test
    void runsTableListsTheSweepsRunsAndSortsByAMetric() throws Exception {
        open("#/");
        wait.until(d -> d.findElements(By.cssSelector("#runs tr[data-run-id]")).size() >= 9);
        driver.findElement(By.cssSelector("#experiments a[data-experiment='iris-svc']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#runs tr[data-run-id]")).size() == 7);
        assertEquals(6, driver.findElements(By.cssSelector("#runs tr.child")).size(), "children nested under the sweep");
        assertEquals(demo.sweep.id(), driver.findElement(By.cssSelector("#runs tr.top")).getAttribute("data-run-id"));

        driver.findElement(By.cssSelector("th[data-key='metrics.Accuracy']")).click();
        wait.until(d -> d.findElements(By.cssSelector("th.sorted-desc[data-key='metrics.Accuracy']")).size() == 1
                && demo.best.id().equals(childIdsInTableOrder().get(0)));
        List<Double> values = new ArrayList<>();
        for (WebElement td : driver.findElements(By.cssSelector("#runs tr.child td[data-metric='Accuracy']"))) {
            values.add(Double.parseDouble(td.getText()));
        }
        assertEquals(6, values.size());
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) >= values.get(i), "descending: " + values);
        }
        screenshot("runs");
        driver.findElement(By.cssSelector("th[data-key='metrics.Accuracy']")).click();
        wait.until(d -> d.findElements(By.cssSelector("th.sorted-asc[data-key='metrics.Accuracy']")).size() == 1
                && demo.best.id().equals(childIdsInTableOrder().get(5)));
    }

    @Test
    void runPageDrawsItsMetricChartsAndConfusionMatrix() throws Exception {
        open("#/run/" + demo.best.id());
        wait.until(d -> d.findElements(By.cssSelector("div.chart[data-metric='Accuracy'] canvas")).size() == 1);
        wait.until(d -> drawnPixels("div.chart[data-metric='Accuracy']") > 500);
        assertTrue(drawnPixels("div.chart[data-metric='loss']") > 500);
        wait.until(d -> drawnPixels("div.chart[data-confusion='Confusion matrix']") > 2000);
        assertTrue(driver.findElements(By.cssSelector("#params dd")).stream().anyMatch(e -> e.getText().equals("rbf")));
        screenshot("run");
        open("#/run/" + demo.plain.id());
        wait.until(d -> d.findElements(By.cssSelector("img.metric")).size() == 1);
        wait.until(d -> ((Number) js("const i = document.querySelector('img.metric'); return i.complete ?"
                + " i.naturalWidth : 0")).intValue() == 160);
        wait.until(d -> d.findElement(By.id("log")).getText().contains("Accuracy of SVM classifier on test set: 0.97"));
        assertTrue(driver.findElements(By.cssSelector("#files a")).stream()
                .anyMatch(a -> a.getText().equals("outputs/model.petal")));
    }

    @Test
    void sweepPageShowsTheBestRunAndThePolicyCancelledRun() throws Exception {
        open("#/run/" + demo.sweep.id());
        wait.until(d -> d.findElements(By.cssSelector("#best-run a")).size() == 1);
        assertEquals(demo.best.id(), driver.findElement(By.cssSelector("#best-run a")).getText());
        assertEquals(demo.best.id(), driver.findElement(By.cssSelector("#sweep-children tr.best")).getAttribute("data-run-id"));
        assertEquals(6, driver.findElements(By.cssSelector("#sweep-children tbody tr")).size());
        WebElement cut = driver.findElement(By.cssSelector("#sweep-children tr[data-run-id='" + demo.canceled.id() + "']"));
        assertTrue(cut.getText().contains("canceled by policy: BanditPolicy at interval 3"), cut.getText());
        wait.until(d -> drawnPixels("#parallel") > 1000 && drawnPixels("#sweep-lines") > 1000);
        screenshot("sweep");
    }

    @Test
    void injectionStringsRenderAsTextAndRunNothing() throws Exception {
        open("#/run/" + demo.hostile.id());
        wait.until(d -> d.findElements(By.cssSelector("#params dd")).size() == 2);
        String page = driver.findElement(By.tagName("body")).getText();
        assertTrue(page.contains(DemoWorkspace.IMG), "the name shows as text");
        assertTrue(page.contains(DemoWorkspace.SCRIPT), "the value shows as text");
        assertTrue(driver.findElements(By.cssSelector("img[src='x']")).isEmpty());
        wait.until(d -> drawnPixels("div.chart") > 100);
        open("#/");
        wait.until(d -> d.findElements(By.cssSelector("#experiments a[data-experiment='hostile']")).size() == 1);
        driver.findElement(By.cssSelector("#experiments a[data-experiment='hostile']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#runs tr[data-run-id='" + demo.hostile.id() + "']")).size() == 1);
        assertTrue(driver.findElement(By.id("runs")).getText().contains(DemoWorkspace.IMG));
        Thread.sleep(300);
        assertTrue(driver.findElements(By.cssSelector("img[src='x']")).isEmpty());
        for (WebElement s : driver.findElements(By.tagName("script"))) {
            assertTrue(s.getAttribute("src") != null && !s.getAttribute("src").isEmpty(), "only the app's own scripts");
        }
        assertNull(js("return window.__pwned === undefined ? null : String(window.__pwned);"), "no injected code ran");
    }

    @Test
    void newRunsAppearLiveAndModelsShowTheServeCommand() throws Exception {
        open("#/");
        wait.until(d -> d.findElements(By.cssSelector("#runs tr[data-run-id]")).size() >= 9);
        Run late = demo.ws.experiment("iris-tutorial").startLogging("a late run");
        late.log("Accuracy", 0.5);
        wait.until(d -> d.findElements(By.cssSelector("#runs tr[data-run-id='" + late.id() + "']")).size() == 1);
        late.complete();
        open("#/models");
        wait.until(d -> d.findElements(By.cssSelector("table[data-model='iris-svc'] code.cmd")).size() == 1);
        assertTrue(driver.findElement(By.cssSelector("table[data-model='iris-svc'] code.cmd")).getText()
                .startsWith("petal serve --model iris-svc@champion"));
        screenshot("models");
        open("#/compare/" + String.join(",", demo.best.id(), demo.canceled.id()));
        wait.until(d -> drawnPixels("#compare-charts div.chart[data-metric='Accuracy']") > 500);
        screenshot("compare");
        assertTrue(new File(CHROMIUM.toString()).exists());
    }
}
