package io.retailhub.sandbox.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Chromium per test JVM, the system's ({@code /usr/bin/chromium}, or the
 * {@code retailhub.chromium} system property), driven by Playwright for Java, which is told never
 * to download a browser. Started on first use and closed when the JVM's tests are done. Where no
 * Chromium is installed the browser tests are skipped with a message, except on CI
 * ({@code CI=true}), where that is a failure: {@code .ci/run} installs it.
 */
final class SharedBrowser implements ParameterResolver {

	private static final String CHROMIUM = System.getProperty("retailhub.chromium", "/usr/bin/chromium");

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Browser resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		if (!Files.isExecutable(Path.of(CHROMIUM)) && !"true".equals(System.getenv("CI"))) {
			Assumptions.abort("No Chromium at " + CHROMIUM + ": the browser tests need Debian's chromium package "
					+ "(apt-get install chromium chromium-driver), as .ci/run installs it");
		}
		return extension.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedBrowser.class))
			.getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
			.browser();
	}

	/** Playwright and its browser, closed with the root extension context (the end of the JVM's tests). */
	record Running(Playwright playwright, Browser browser) implements AutoCloseable {

		static Running start() {
			Playwright playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM))
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
			return new Running(playwright, browser);
		}

		@Override
		public void close() {
			this.browser.close();
			this.playwright.close();
		}

	}

}
