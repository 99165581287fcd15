package io.retailhub.experience.timeline.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of a timeline, newest entry first.
 *
 * @param entries the entries of the page
 * @param nextBefore pass as {@code before} for the next (older) page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineResponse<T>(List<T> entries, Long nextBefore) {
}
