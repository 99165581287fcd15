/**
 * The hub's published event language: what travels on Kafka between the layers.
 *
 * <p>
 * A record on a hub topic is a CloudEvents 1.0 event in <em>binary</em> content mode: the
 * value is the JSON of one {@link io.retailhub.contracts.events.DomainEvent} payload, the
 * CloudEvents attributes travel as {@link io.retailhub.contracts.events.CloudEventHeaders},
 * and the key is the order ID ({@link io.retailhub.contracts.events.Topics}). Each
 * {@link io.retailhub.contracts.events.EventType} names its payload record, its topic and the
 * JSON Schema (draft 2020-12) the payload must satisfy; the schemas ship in this jar under
 * {@code schemas/}.
 *
 * <p>
 * This is a published language: it changes only by adding. New optional members may appear in
 * any payload at any time, so every payload record tolerates unknown members; anything else
 * (removing or renaming a member, making one required, adding an enum value, changing a
 * meaning) is a new type version ({@code .v2}). The catalog is {@code docs/events.md}.
 */
package io.retailhub.contracts.events;
