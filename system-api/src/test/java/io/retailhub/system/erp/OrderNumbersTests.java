package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OrderNumbersTests {

	@Test
	void answersAPairInBothDirectionsOnceRemembered() {
		OrderNumbers numbers = new OrderNumbers(10);

		numbers.remember("WEB-100001", "5000001");

		assertThat(numbers.salesOrderOf("WEB-100001")).contains("5000001");
		assertThat(numbers.orderIdOf("5000001")).contains("WEB-100001");
		assertThat(numbers.salesOrderOf("WEB-100002")).isEmpty();
		assertThat(numbers.orderIdOf("5000002")).isEmpty();
	}

	@Test
	void leavesOutSalesOrdersWithoutAHubOrderNumber() {
		OrderNumbers numbers = new OrderNumbers(10);

		numbers.remember(null, "5000001");
		numbers.remember(" ", "5000002");
		numbers.remember("WEB-100003", null);

		assertThat(numbers.size()).isZero();
		assertThat(numbers.orderIdOf("5000001")).isEmpty();
		assertThat(numbers.salesOrderOf(null)).isEmpty();
	}

	@Test
	void forgetsTheLeastRecentlyUsedPairBeyondItsSizeInBothDirections() {
		OrderNumbers numbers = new OrderNumbers(2);
		numbers.remember("WEB-1", "501");
		numbers.remember("WEB-2", "502");
		numbers.orderIdOf("501"); // WEB-1 used last: WEB-2 is the eldest now

		numbers.remember("WEB-3", "503");

		assertThat(numbers.size()).isEqualTo(2);
		assertThat(numbers.salesOrderOf("WEB-2")).isEmpty();
		assertThat(numbers.orderIdOf("502")).isEmpty();
		assertThat(numbers.salesOrderOf("WEB-1")).contains("501");
		assertThat(numbers.orderIdOf("503")).contains("WEB-3");
	}

	@Test
	void keepsOneConsistentSetOfPairsWhenARereadDiffers() {
		OrderNumbers numbers = new OrderNumbers(10);
		numbers.remember("WEB-1", "501");

		numbers.remember("WEB-1", "502");
		numbers.remember("WEB-9", "502");

		assertThat(numbers.salesOrderOf("WEB-1")).isEmpty();
		assertThat(numbers.orderIdOf("501")).isEmpty();
		assertThat(numbers.salesOrderOf("WEB-9")).contains("502");
		assertThat(numbers.orderIdOf("502")).contains("WEB-9");
		assertThat(numbers.size()).isEqualTo(1);
	}

	@Test
	void staysWithinItsSizeUnderConcurrentUse() {
		OrderNumbers numbers = new OrderNumbers(100);
		List<CompletableFuture<Void>> writers = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			int writer = w;
			writers.add(CompletableFuture.runAsync(() -> IntStream.range(0, 1_000).forEach(i -> {
				String n = writer + "-" + i;
				numbers.remember("WEB-" + n, "5" + n);
				numbers.orderIdOf("5" + n);
			})));
		}

		writers.forEach(CompletableFuture::join);

		assertThat(numbers.size()).isEqualTo(100);
		long kept = 0;
		for (int w = 0; w < 4; w++) {
			for (int i = 0; i < 1_000; i++) {
				String n = w + "-" + i;
				if (numbers.salesOrderOf("WEB-" + n).isPresent()) {
					kept++;
					assertThat(numbers.salesOrderOf("WEB-" + n)).contains("5" + n);
					assertThat(numbers.orderIdOf("5" + n)).contains("WEB-" + n);
				}
				else {
					assertThat(numbers.orderIdOf("5" + n)).isEmpty();
				}
			}
		}
		assertThat(kept).isEqualTo(100);
	}

	@Test
	void remembersNothingWithSizeZero() {
		OrderNumbers numbers = new OrderNumbers(0);

		numbers.remember("WEB-1", "501");

		assertThat(numbers.size()).isZero();
		assertThat(numbers.salesOrderOf("WEB-1")).isEmpty();
		assertThat(numbers.orderIdOf("501")).isEmpty();
	}

	@Test
	void refusesANegativeSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderNumbers(-1));
	}
}
