/**
 * Background work that runs round after round on a thread of its own (the outbox relay, the step
 * workers, the order feed, the return sweep): a pause between rounds, a wake-up call, a growing
 * pause after failures, and a stop that lets the current round finish.
 */
package io.retailhub.process.platform.polling;
