/**
 * The workflow platform of process-api: what makes a workflow finish exactly once whatever
 * fails, so the domain (returns, refunds) can be written as plain steps and events.
 *
 * <ul>
 * <li>{@link io.retailhub.process.platform.outbox.Outbox}: events leave in the transaction of the
 * state change they announce, and reach Kafka at least once.</li>
 * <li>{@link io.retailhub.process.platform.inbox.Inbox}: a consumer applies each event once and
 * ignores stale ones.</li>
 * <li>{@link io.retailhub.process.platform.steps.WorkflowSteps}: durable, leased steps with
 * retries, backoff, parking and attempt history, shared safely by several instances.</li>
 * <li>{@code kafka} and {@code deadletters}: declared topics, delivery guarantees, one error
 * handler, dead letters stored for inspection and idempotent replay.</li>
 * <li>{@code web}: correlation IDs and problem+json for every endpoint of process-api.</li>
 * <li>{@code security}: the scope each endpoint needs (docs/security.md).</li>
 * </ul>
 *
 * <p>How it fits together and which guarantee each part gives: {@code docs/workflow-platform.md}.
 */
package io.retailhub.process.platform;
