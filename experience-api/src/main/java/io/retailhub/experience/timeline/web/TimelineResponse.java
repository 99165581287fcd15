package io.retailhub.experience.timeline.web;

import java.util.List;

/**
 * A page of a timeline, newest entry first.
 *
 * @param entries the entries of the page
 * @param nextBefore pass as {@code before} for the next (older) page; absent on the last page
 */
public record TimelineResponse<T>(List<T> entries, Long nextBefore) {
}
