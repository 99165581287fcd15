package io.retailhub.sandbox.backends.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.data.DemoProduct;
import io.retailhub.sandbox.backends.data.DemoReturn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

@SpringBootTest(properties = { "spring.config.name=sandbox", "spring.main.banner-mode=off" })
@AutoConfigureMockMvc
class ShopifyApiIntegrationTests {

	private static final String API = "/commerce/admin/api/2025-04";

	private static final String TOKEN = "shpat_sandbox";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoData data;

	@Autowired
	ShopifyStore store;

	@Test
	void refusesCallsWithoutTheAccessTokenAsShopifyDoes() {
		assertThat(mvc.get().uri(API + "/orders.json")).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}""");
		assertThat(mvc.get().uri(API + "/return_policy.json").header(ShopifyAccessTokenFilter.HEADER, "shpat_wrong"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void findsAnOrderByNameWithItsPromotionAllocatedToTheLine() {
		// given the delivered showcase: line 20 bought with SPRING10
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);
		DemoOrderLine promoted = order.lines().get(1);

		// when / then
		assertThat(get(API + "/orders.json?name=" + order.orderNumber() + "&status=any")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"orders":[{"id":%d,"name":"%s","currency":"USD","financial_status":"paid",
					"fulfillment_status":"fulfilled","total_price":"%s","created_at":"%s",
					"discount_applications":[{"type":"discount_code","code":"SPRING10","value":"10.0",
					  "value_type":"percentage"}],
					"line_items":[{"sku":"%s"},
					  {"sku":"%s","title":"%s","quantity":%d,"price":"%s","product_type":"%s",
					   "discount_allocations":[{"amount":"%s","discount_application_index":0}]},
					  {"sku":"%s","discount_allocations":[]}],
					"refunds":[]}]}""".formatted(ShopifyStore.orderId(order), order.orderNumber(), order.total(),
					order.placedAt(), order.lines().get(0).sku(), promoted.sku(), promoted.description(),
					promoted.quantity(), promoted.unitPrice(), promoted.category(), promoted.discount(),
					order.lines().get(2).sku()));
	}

	@Test
	void aNameFindsExactlyItsOrderAndStillHonoursSinceId() {
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);
		long id = ShopifyStore.orderId(order);

		assertThat(get(API + "/orders.json?name=" + order.orderNumber())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.orders[*].id")
			.asArray()
			.containsExactly(id);
		assertThat(get(API + "/orders.json?name=" + order.orderNumber() + "&since_id=" + id)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"orders\":[]}");
		assertThat(get(API + "/orders.json?name=NO-SUCH-ORDER")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"orders\":[]}");
	}

	@Test
	void marksFinalSaleLinesWithALineItemProperty() {
		// given the marketplace showcase, whose line 20 is a final-sale product
		DemoOrder order = data.order(DemoData.Showcase.FINAL_SALE_ORDER);
		assertThat(order.lines().get(1).finalSale()).isTrue();
		String expectedItems = order.lines()
			.stream()
			.map(l -> l.finalSale() ? "{\"properties\":[{\"name\":\"final_sale\",\"value\":\"true\"}]}"
					: "{\"properties\":[]}")
			.collect(Collectors.joining(","));

		// when / then
		assertThat(get(API + "/orders.json?name=" + order.orderNumber())).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"orders\":[{\"line_items\":[" + expectedItems + "]}]}");
	}

	@Test
	void showsEarlierReturnsAsRefunds() {
		DemoOrder order = data.order(DemoData.Showcase.PARTLY_RETURNED_ORDER);
		DemoReturn demoReturn = order.returns().get(0);
		assertThat(get(API + "/orders.json?name=" + order.orderNumber())).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"orders":[{"currency":"EUR","financial_status":"partially_refunded",
					"refunds":[{"note":"%s","refund_line_items":[{"quantity":1,"restock_type":"return"}],
					"transactions":[{"kind":"refund","status":"success","amount":"%s","currency":"EUR",
					"authorization":"%s"}]}]}]}""".formatted(demoReturn.reference(), demoReturn.refundAmount(),
					demoReturn.refundId()));
	}

	@Test
	void readsAnOrderById() {
		DemoOrder order = data.order(DemoData.Showcase.OPEN_ORDER);
		assertThat(get(API + "/orders/" + ShopifyStore.orderId(order) + ".json")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"order":{"name":"%s","fulfillment_status":null,"financial_status":"paid"}}"""
				.formatted(order.orderNumber()));
	}

	@Test
	void answersAnUnknownOrderNameWithNoOrdersAndAnUnknownIdWithNotFound() {
		assertThat(get(API + "/orders.json?name=WEB-999999")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"orders":[]}""");
		assertThat(get(API + "/orders/1.json")).hasStatus(HttpStatus.NOT_FOUND).bodyJson().isStrictlyEqualTo("""
				{"errors":"Not Found"}""");
		assertThat(get(API + "/orders/abc.json")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void tagsFinalSaleProductsAndNamesTheirType() {
		DemoProduct finalSale = data.products().stream().filter(DemoProduct::finalSale).findFirst().orElseThrow();
		DemoProduct regular = data.products().stream().filter(p -> !p.finalSale()).findFirst().orElseThrow();
		assertThat(get(API + "/products.json?ids=" + ShopifyStore.productId(regular.sku()) + ","
				+ ShopifyStore.productId(finalSale.sku()))).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"products":[
					{"product_type":"%s","tags":"%s","variants":[{"sku":"%s","price":"%s"}]},
					{"product_type":"%s","tags":"%s, final-sale","variants":[{"sku":"%s"}]}]}""".formatted(
					regular.category(), regular.category().toLowerCase(), regular.sku(), regular.price("USD"),
					finalSale.category(), finalSale.category().toLowerCase(), finalSale.sku()));
		assertThat(get(API + "/products/" + ShopifyStore.productId(regular.sku()) + ".json")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.product.variants[0].sku")
			.isEqualTo(regular.sku());
	}

	@Test
	void servesTheConfiguredReturnPolicyAndCountsTheReads() {
		long readsBefore = store.counts().get(ShopifyStore.POLICY_READS);
		assertThat(get(API + "/return_policy.json")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"return_policy":{"default_window_days":30,
				"windows":{"APPAREL":30,"BEAUTY":14,"ELECTRONICS":14,"FOOTWEAR":30,"HOME":30},
				"final_sale_tag":"final-sale","restocking_fee_percentage":{"ELECTRONICS":15.0},
				"return_shipping_fee":{"EUR":"4.95","USD":"6.95"},
				"free_return_reasons":["DEFECTIVE","DAMAGED","WRONG_ITEM","NOT_AS_DESCRIBED"],
				"refund_shipping":false}}""");
		assertThat(store.counts().get(ShopifyStore.POLICY_READS)).isEqualTo(readsBefore + 1);
	}

	@Test
	void refusesUnusableQueryParameters() {
		assertThat(get(API + "/orders.json?limit=500")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"errors":{"limit":["must be between 1 and 250"]}}""");
		assertThat(get(API + "/products.json?ids=1,x")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors.ids[0]")
			.isEqualTo("must be a comma-separated list of numeric IDs");
	}

	@Test
	void answersUnknownPathsWithShopifysNotFound() {
		assertThat(get("/commerce/admin/api/2019-01/orders.json")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"errors":"Not Found"}""");
	}

	private MockMvcRequestBuilder get(String uri) {
		return mvc.get().uri(uri).header(ShopifyAccessTokenFilter.HEADER, TOKEN);
	}
}
