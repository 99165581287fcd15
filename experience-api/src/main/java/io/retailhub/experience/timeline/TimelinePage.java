package io.retailhub.experience.timeline;

import java.util.List;

/**
 * A page of a timeline, newest entry first.
 *
 * @param entries at most the page's limit
 * @param nextBefore the {@code before} cursor of the next (older) page; null on the last page
 */
public record TimelinePage(List<TimelineEntry> entries, Long nextBefore) {
}
