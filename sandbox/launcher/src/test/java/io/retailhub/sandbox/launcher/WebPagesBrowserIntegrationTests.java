package io.retailhub.sandbox.launcher;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.retailhub.sandbox.identity.DemoTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages' journeys in a real Chromium against the real local hub: the packaged launcher
 * (as {@code ./run-local.sh} runs it) with real sign-in at the sandbox identity provider, the
 * experience APIs, process and system layers, Kafka and the sandbox backends. The sandbox
 * warehouse receives a parcel only when a test says so. Each journey has its own browser context
 * (cookies, storage) in the one browser of the JVM ({@link SharedBrowser}); each step's screenshot
 * is saved under {@code target/screenshots/}. Every page checked is also run through axe-core
 * (WCAG 2.1 A and AA, colour contrast included) and must not scroll sideways.
 */
@ExtendWith(SharedBrowser.class)
class WebPagesBrowserIntegrationTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** How long a page may take to show what the hub did (a return authorized, a refund paid). */
	private static final double SLOW = Duration.ofSeconds(60).toMillis();

	@TempDir
	static Path dataDirectory;

	private static Launcher launcher;

	private static URI pages;

	private static URI sandbox;

	private static DemoTokens tokens;

	private final List<String> pageErrors = new ArrayList<>();

	/** Every address the pages' browser asked for: only experience-api and the identity provider. */
	private final List<String> requested = new ArrayList<>();

	private BrowserContext context;

	private String journey;

	@BeforeAll
	static void startTheHub() throws IOException {
		// parcels arrive at the warehouse when a test says so, not by themselves
		launcher = new Launcher(dataDirectory, Map.of("RETAILHUB_AUTO_RECEIVE_AFTER", "0s"));
		launcher.awaitReady();
		pages = launcher.printedUrl(Launcher.EXPERIENCE_API_URL);
		sandbox = launcher.printedUrl(Launcher.SANDBOX_URL);
		tokens = DemoTokens.of(launcher.printedUrl(Launcher.IDENTITY_URL).toString());
	}

	@AfterAll
	static void stopTheHub() throws InterruptedException {
		if (launcher != null) {
			launcher.stop();
		}
	}

	@BeforeEach
	void name(TestInfo test) {
		this.journey = test.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
		}
		assertThat(this.pageErrors).as("JavaScript errors in the pages").isEmpty();
		String identity = tokens.issuer().replaceAll("/+$", "");
		assertThat(this.requested).as("the pages call experience-api and sign in at the identity provider only")
			.allSatisfy(url -> assertThat(url).matches(
					Pattern.quote(pages.toString()) + "([/?#].*)?|" + Pattern.quote(identity) + "([/?#].*)?|data:.*"));
	}

	@Test
	void shopperSignsInReturnsAnItemAndWatchesItReachRefundIssuedOnAPhone(Browser browser) throws Exception {
		// a shopper in Berlin on a phone, signing in with the authorization code flow and PKCE
		Page page = open(browser, 390, 844, "en-US", "Europe/Berlin");
		page.navigate(pages.resolve("/portal/").toString());
		checkPage(page, "portal-0-sign-in");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		signInAtTheIdentityProvider(page, "customer.17100001");

		// my orders, then the order with two shipments, one still on its way
		heading(page, "My orders");
		checkPage(page, "portal-1-my-orders");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Order WEB-100002")).click();
		heading(page, "Order WEB-100002");
		String customer = tokens.userToken("customer.17100001");
		JsonNode order = get("/api/portal/v1/orders/WEB-100002", customer);
		Locator shipments = page.locator("#shipments");
		for (JsonNode shipment : order.path("shipments").path("data")) {
			assertThat(shipments).containsText(shipment.path("trackingNumber").asString());
		}
		JsonNode shipped = order.path("shipments").path("data").get(0);
		assertShownInTimeZone(shipments.locator("time").first(), shipped.path("shippedAt").asString(),
				ZoneId.of("Europe/Berlin"), Locale.US);
		checkPage(page, "portal-2-order");

		// the wizard says which lines cannot be returned and why, and what the chosen one refunds
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Return items from this order")).click();
		heading(page, "Return items from order WEB-100002");
		JsonNode lines = get("/api/portal/v1/orders/WEB-100002/returnable-lines", customer);
		JsonNode returned = null;
		for (JsonNode line : lines) {
			if (line.path("eligible").asBoolean() && returned == null) {
				returned = line;
			}
			else if (!line.path("eligible").asBoolean()) {
				assertThat(page.locator("#blocked")).containsText(line.path("message").asString());
			}
		}
		assertThat(returned).as("a returnable line in %s", lines).isNotNull();
		Locator fieldset = page.locator("fieldset.line")
			.filter(new Locator.FilterOptions().setHasText(returned.path("description").asString()));
		fieldset.getByLabel("How many to return").selectOption("1");
		fieldset.getByLabel("Why are you returning it?").selectOption("SIZE_TOO_SMALL");
		assertThat(page.locator("#estimate")).containsText(money(
				share(returned.path("refundEstimate"), 1, returned.path("returnable").asInt()), Locale.US));
		checkPage(page, "portal-3-return-wizard");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review return")).click();
		Locator dialog = page.getByRole(AriaRole.DIALOG);
		assertThat(dialog).containsText("1 × " + returned.path("description").asString());
		checkPage(page, "portal-4-confirm");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm return")).click();

		// approved with an RMA; the shopper sends the parcel and says so
		Locator status = page.locator("#return-status");
		assertThat(status).hasText("Approved", new LocatorAssertions.HasTextOptions().setTimeout(SLOW));
		page.evaluate("window.sameDocument = true");
		String returnId = page.url().replaceAll(".*#/returns/", "");
		JsonNode approved = get("/api/portal/v1/returns/" + returnId, customer);
		assertThat(page.locator("dl.facts")).containsText(approved.path("rmaNumber").asString());
		checkPage(page, "portal-5-approved");
		page.getByLabel("Carrier").selectOption("USPS");
		page.getByLabel("Tracking code").fill("9400111899223100000001");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Parcel sent")).click();
		assertThat(status).hasText("On the way");

		// the warehouse receives it; the page follows by itself to the refund, with its amount
		post(sandbox.resolve("/admin/warehouse/rmas/" + approved.path("rmaNumber").asString() + "/receive"));
		assertThat(status).hasText("Refund issued", new LocatorAssertions.HasTextOptions().setTimeout(SLOW));
		JsonNode refunded = get("/api/portal/v1/returns/" + returnId, customer);
		assertThat(page.locator("#refund")).containsText(money(refunded.path("refund").path("amount"), Locale.US));
		assertThat(page.evaluate("window.sameDocument")).as("updated without a reload").isEqualTo(true);
		checkPage(page, "portal-6-refund-issued");
	}

	@Test
	void guestFindsTheirOrderWithTheKeyboardAloneReturnsAnItemAndCancelsIt(Browser browser) throws Exception {
		String email = get("/api/agent/v1/customers/17100001", tokens.userToken("agent.ava")).path("panels")
			.path("profile")
			.path("data")
			.path("email")
			.asString();
		Page page = open(browser, 390, 844, "en-US", "America/Chicago");
		page.navigate(pages.resolve("/portal/").toString());

		// Tab to the guest form, type, Enter: no mouse
		Keyboard keyboard = page.keyboard();
		for (int tab = 0; tab < 10 && !"guest-order".equals(focused(page)); tab++) {
			keyboard.press("Tab");
		}
		assertThat(focused(page)).as("the order number field is reached with Tab").isEqualTo("guest-order");
		keyboard.type("WEB-100001");
		keyboard.press("Tab");
		assertThat(focused(page)).isEqualTo("guest-email");
		keyboard.type(email);
		keyboard.press("Enter");

		heading(page, "Order WEB-100001");
		assertThat(page.locator("#items")).containsText("Coastal Linen Shirt");
		assertThat(page.locator("#shipments")).containsText("Delivered");
		assertThat(page.locator("header")).containsText("Guest, order WEB-100001");
		checkPage(page, "guest-1-order");

		// a return of line 20, then canceled before it ships; the dialogs answer to Enter
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Return items from this order")).focus();
		keyboard.press("Enter");
		heading(page, "Return items from order WEB-100001");
		Locator line = page.locator("fieldset.line").filter(new Locator.FilterOptions().setHasText("Urban Linen Shirt"));
		line.getByLabel("How many to return").selectOption("1");
		line.getByLabel("Why are you returning it?").selectOption("COLOR");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review return")).focus();
		keyboard.press("Enter");
		assertThat(page.getByRole(AriaRole.DIALOG)).containsText("1 × Urban Linen Shirt: Color");
		page.getByRole(AriaRole.DIALOG)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm return"))
			.focus();
		keyboard.press("Enter");
		Locator status = page.locator("#return-status");
		assertThat(status).hasText(Pattern.compile("Requested|Approved"),
				new LocatorAssertions.HasTextOptions().setTimeout(SLOW));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel return")).focus();
		keyboard.press("Enter");
		page.getByRole(AriaRole.DIALOG)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel return"))
			.focus();
		keyboard.press("Enter");
		assertThat(page.locator("#notice")).containsText("Your return was canceled.");
		assertThat(page.locator("#ending")).containsText("This return was canceled.");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel return"))).hasCount(0);
		checkPage(page, "guest-2-canceled");
	}

	@Test
	void agentFindsTheCustomerActsOnTheOrderAndWatchesTheTimelineLive(Browser browser) throws Exception {
		String agent = tokens.userToken("agent.ava");
		JsonNode profile = get("/api/agent/v1/customers/17100001", agent).path("panels").path("profile").path("data");
		Page page = open(browser, 1440, 1000, "en-US", "America/New_York");
		page.navigate(pages.resolve("/agent/").toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		signInAtTheIdentityProvider(page, "agent.ava");

		// search by e-mail -> customer 360 -> order 360, on one screen
		page.getByLabel("Search by").selectOption("email");
		page.getByLabel("Search for").fill(profile.path("email").asString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(page.locator("#customer-name"))
			.hasText(profile.path("firstName").asString() + " " + profile.path("lastName").asString());
		page.locator("#customer-orders").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("WEB-100001")).click();
		for (String panel : List.of("#order-panel", "#shipments-panel", "#payment-panel", "#returns-panel",
				"#eligibility-panel", "#cases-panel", "#profile")) {
			assertThat(page.locator(panel)).hasAttribute("data-status", "ok");
		}
		assertThat(page.locator("#live-state")).containsText("Live");
		page.evaluate("window.sameDocument = true");
		checkPage(page, "agent-1-order-360");

		// start a return for one unit of line 10, with the refund estimate shown before submitting
		JsonNode eligibility = get("/api/agent/v1/orders/WEB-100001", agent).path("panels").path("eligibility").path("data");
		JsonNode line10 = eligibility.valueStream()
			.filter(line -> "10".equals(line.path("lineNumber").asString()))
			.findFirst()
			.orElseThrow();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a return")).click();
		Locator dialog = page.getByRole(AriaRole.DIALOG);
		dialog.getByLabel("Quantity").first().selectOption("1");
		dialog.getByLabel("Reason").first().selectOption("DEFECTIVE");
		assertThat(dialog.locator("#agent-estimate"))
			.containsText(money(share(line10.path("refundEstimate"), 1, line10.path("returnable").asInt()), Locale.US));
		checkPage(page, "agent-2-start-return");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start return")).click();

		// the timeline shows it live, and also a return the customer starts in the portal meanwhile
		Locator timeline = page.locator("#timeline-entries");
		assertThat(timeline.locator("li.new[data-kind=RETURN_AUTHORIZED]").first())
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW));
		HttpResponse<String> portalReturn = postJson(pages.resolve("/api/portal/v1/returns"),
				tokens.userToken("customer.17100001"), """
						{"orderId":"WEB-100001","lines":[{"lineNumber":"30","quantity":1,"reason":"STYLE"}]}""");
		assertThat(portalReturn.statusCode()).as(portalReturn.body()).isEqualTo(201);
		assertThat(timeline.locator("li.new", new Locator.LocatorOptions().setHasText("(portal)")))
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW));

		// a comment on the case of the customer's return, visible to the customer
		Locator commentOnCase = page.locator("#cases-panel")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("Add a comment to case")))
			.first();
		commentOnCase.click(new Locator.ClickOptions().setTimeout(SLOW));
		dialog.getByLabel("Comment").fill("We will pick the parcel up on Friday.");
		dialog.getByLabel("Visible to the customer").check();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add comment")).click();
		assertThat(page.locator("#notice")).containsText("Comment added to case");
		assertThat(page.locator("#cases-panel")).containsText("comment");

		// cancel the agent's return, with confirmation; the panels and the timeline follow
		Locator agentsReturn = page.locator("#returns-panel li")
			.filter(new Locator.FilterOptions().setHasText("by agent:agent.ava"));
		agentsReturn.getByRole(AriaRole.BUTTON).click();
		dialog.getByLabel("Why (optional, kept on the return)").fill("Customer found the missing part.");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel return")).click();
		assertThat(agentsReturn).containsText("Canceled", new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW));
		assertThat(timeline.locator("li.new[data-kind=RETURN_CANCELED]"))
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW));
		assertThat(page.evaluate("window.sameDocument")).as("updated without a reload").isEqualTo(true);
		checkPage(page, "agent-3-timeline-live");
	}

	@Test
	void agentSeesWhichPanelsAreDownWhileErpIsInOutage(Browser browser) throws Exception {
		Page page = open(browser, 1440, 1000, "en-US", "America/New_York");
		page.navigate(pages.resolve("/agent/").toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		signInAtTheIdentityProvider(page, "agent.sam");
		put(sandbox.resolve("/admin/faults/erp"), "{\"outage\":true}");
		try {
			// ERP cannot say whose order it is: the desktop opens order 360 with what the rest knows
			page.getByLabel("Search by").selectOption("orderNumber");
			page.getByLabel("Search for").fill("WEB-100001");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
			Locator order = page.locator("#order-panel");
			assertThat(order).hasAttribute("data-status", "unavailable");
			assertThat(order).containsText("ERP is not answering");
			assertThat(order).containsText("unavailable since");
			assertThat(page.locator("#shipments-panel")).hasAttribute("data-status", "ok");
			assertThat(page.locator("#payment-panel")).hasAttribute("data-status", "ok");
			assertThat(page.locator("#returns-panel")).hasAttribute("data-status", "ok");
			assertThat(page.locator("#eligibility-panel")).hasAttribute("data-status", "unavailable");
			assertThat(page.locator("#notice")).containsText("WEB-100001");
			checkPage(page, "agent-4-erp-outage");
		}
		finally {
			delete(sandbox.resolve("/admin/faults/erp"));
		}
	}

	@Test
	void storeStaffTakeAReturnAtTheCounterAndPrintTheReceipt(Browser browser) throws Exception {
		// a Berlin store, in German: the order's euros as a German reader writes them
		Locale german = Locale.GERMANY;
		JsonNode customer = get("/api/agent/v1/customers/17100002", tokens.userToken("agent.ava")).path("panels")
			.path("profile")
			.path("data");
		Page page = open(browser, 1280, 800, "de-DE", "Europe/Berlin");
		page.navigate(pages.resolve("/store/").toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		signInAtTheIdentityProvider(page, "store.ber");
		heading(page, "Look up an online order");

		// a wrong last name tells nothing about the order
		page.getByLabel("Order number").fill("STR-100003");
		page.locator("#verify-by").selectOption("lastName");
		page.locator("#verify-value").fill(customer.path("lastName").asString() + "x");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find order")).click();
		assertThat(page.locator("#lookup-error")).containsText("No order with that number for that customer.");
		page.locator("#verify-value").fill(customer.path("lastName").asString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find order")).click();

		// the order, its customer, and the one unit of line 10 still returnable (the other was returned before)
		heading(page, "Order STR-100003");
		assertThat(page.locator("#customer-name"))
			.hasText(customer.path("firstName").asString() + " " + customer.path("lastName").asString());
		JsonNode lookup = get("/api/store/v1/orders/STR-100003?lastName=" + customer.path("lastName").asString(),
				tokens.userToken("store.ber"));
		JsonNode line10 = lookup.path("returnableLines").valueStream()
			.filter(line -> "10".equals(line.path("lineNumber").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(line10.path("returnable").asInt()).as("line 10: %s", line10).isEqualTo(1);
		Locator line = page.locator("#line-10");
		line.getByLabel("Quantity").selectOption("1");
		line.getByLabel("Reason").selectOption("UNWANTED");
		line.getByLabel("Condition").selectOption("NEW");
		line.getByLabel("Disposition").selectOption("RESTOCK");
		assertThat(page.locator("#estimate-total")).containsText(money(line10.path("refundEstimate"), german));
		assertThat(page.locator("#blocked")).containsText("final sale");
		checkPage(page, "store-1-order");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review return")).click();
		page.getByRole(AriaRole.DIALOG)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take return"))
			.click();

		// the receipt follows the return to its refund, in euros, and prints without the page's controls
		heading(page, "Return receipt");
		assertThat(page.locator("#refund")).containsText("Refunded",
				new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW));
		String returnId = page.url().replaceAll(".*#/returns/", "");
		JsonNode taken = get("/api/store/v1/returns/" + returnId, tokens.userToken("store.ber"));
		assertThat(taken.path("storeId").asString()).isEqualTo("STORE-BER");
		assertThat(page.locator("#refund")).containsText(money(taken.path("refundAmount"), german));
		checkPage(page, "store-2-receipt");
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Print receipt"))).isHidden();
		assertThat(page.locator("header")).isHidden();
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("store-3-printed.png")).setFullPage(true));
	}

	@Test
	void aSignedInPersonWithoutTheAgentRoleIsToldSo(Browser browser) {
		Page page = open(browser, 1280, 800, "en-US", "UTC");
		page.navigate(pages.resolve("/agent/").toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		signInAtTheIdentityProvider(page, "customer.17100002");

		assertThat(page.locator("main")).containsText("without the agent role");
		assertThat(page.getByLabel("Search for")).hasCount(0);
	}

	// ---- the browser

	private Page open(Browser browser, int width, int height, String locale, String timeZone) {
		this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setLocale(locale)
			.setTimezoneId(timeZone));
		this.context.setDefaultTimeout(Duration.ofSeconds(20).toMillis());
		Page page = this.context.newPage();
		page.onPageError(error -> this.pageErrors.add(page.url() + ": " + error));
		this.context.onRequest(request -> this.requested.add(request.url()));
		return page;
	}

	/** The sandbox identity provider's sign-in form; back at the page that sent the browser there. */
	private static void signInAtTheIdentityProvider(Page page, String username) {
		page.waitForURL("**/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(DemoTokens.DEFAULT_PASSWORD);
		page.locator("button[type=submit]").click();
		// back through /signed-in (the code exchanged) to the page that sent the browser, loaded
		page.waitForURL(url -> url.startsWith(pages.toString()) && !url.contains("/signed-in"));
		page.waitForLoadState(LoadState.LOAD);
	}

	private static void heading(Page page, String text) {
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text).setLevel(1)))
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW));
	}

	private static String focused(Page page) {
		return (String) page.evaluate("document.activeElement && document.activeElement.id");
	}

	/**
	 * The page as it is now: saved as a screenshot, free of axe-core's WCAG 2.1 A/AA violations,
	 * and not wider than the screen.
	 */
	private void checkPage(Page page, String step) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		// the picture of the page, not of a request still running
		page.locator("#progress").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(step + ".png")).setFullPage(true));
		AxeResults axe = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
		assertThat(axe.getViolations().stream()
			.map(violation -> violation.getId() + ": " + violation.getHelp() + " at "
					+ violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
			.toList()).as("accessibility of %s (%s)", step, this.journey).isEmpty();
		Object widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
		List<?> both = (List<?>) widths;
		assertThat(((Number) both.get(0)).intValue()).as("%s scrolls sideways", step)
			.isLessThanOrEqualTo(((Number) both.get(1)).intValue());
	}

	/** A {@code <time>} element shows its instant in the viewer's time zone (hour and minute, as the locale writes them). */
	private static void assertShownInTimeZone(Locator time, String instant, ZoneId zone, Locale locale) {
		assertThat(Instant.parse(time.getAttribute("datetime"))).isEqualTo(Instant.parse(instant));
		String expected = DateTimeFormatter.ofPattern("h:mm a", locale).format(Instant.parse(instant).atZone(zone));
		assertThat(spaces(time.textContent())).contains(expected);
	}

	/** Intl writes narrow and non-breaking spaces where Java may write plain ones. */
	private static String spaces(String text) {
		return text.replace('\u202f', ' ').replace('\u00a0', ' ');
	}

	// ---- money, as the pages must show it

	/** part/whole of an amount, rounded to its currency's minor unit (as the pages estimate). */
	private static JsonNode share(JsonNode amount, int part, int whole) {
		Currency currency = Currency.getInstance(amount.path("currency").asString());
		BigDecimal shared = amount.path("amount").decimalValue()
			.multiply(BigDecimal.valueOf(part))
			.divide(BigDecimal.valueOf(whole), currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
		return JSON.createObjectNode().put("amount", shared).put("currency", currency.getCurrencyCode());
	}

	private static String money(JsonNode amount, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(Currency.getInstance(amount.path("currency").asString()));
		return spaces(format.format(amount.path("amount").decimalValue()));
	}

	// ---- the APIs, to compare what the pages show with what the hub says

	private static JsonNode get(String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(pages.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> postJson(URI uri, String token, String body)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "browser-" + System.nanoTime())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void post(URI uri) throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private static void put(URI uri, String body) throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static void delete(URI uri) throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(uri).DELETE());
	}

	private static void send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
	}

}
