package io.retailhub.experience.agent;

import java.net.URI;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.experience.downstream.NewReturn;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessApiClient.Started;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.orders.Ids;
import io.retailhub.experience.security.ActingUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(AgentApi.PATH + "/orders")
class AgentOrderController {

	private final AgentViews views;

	private final ProcessApiClient process;

	AgentOrderController(AgentViews views, ProcessApiClient process) {
		this.views = views;
		this.process = process;
	}

	@GetMapping("/{orderId}")
	Order360 order360(@PathVariable String orderId) {
		return this.views.order360(Ids.parse(orderId, "orderId", OrderId::of));
	}

	/**
	 * Starts a return for the order's customer, channel AGENT, recorded as the agent's doing.
	 * 201 with Location; 200 with the same return when the key was used before.
	 */
	@PostMapping("/{orderId}/returns")
	ResponseEntity<ProcessReturn> startReturn(@AuthenticationPrincipal Jwt token, @PathVariable String orderId,
			@RequestHeader(Headers.IDEMPOTENCY_KEY) @Size(max = 200) @Identifier String key,
			@Valid @RequestBody AgentReturnRequest body) {
		OrderId order = Ids.parse(orderId, "orderId", OrderId::of);
		ActingUser agent = ActingUser.agent(token);
		Started started = this.process.start("agent-" + agent.subject() + ":" + key,
				new NewReturn(order.value(), ReturnChannel.AGENT.name(),
						body.lines().stream().map(l -> new NewReturn.Line(l.lineNumber(), l.quantity(), l.reason())).toList()),
				agent);
		if (!started.created()) {
			return ResponseEntity.ok(started.started());
		}
		return ResponseEntity.created(URI.create(AgentApi.PATH + "/returns/" + started.started().id()))
			.body(started.started());
	}
}
