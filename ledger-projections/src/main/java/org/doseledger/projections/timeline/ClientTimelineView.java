package org.doseledger.projections.timeline;

import java.util.List;

/** A page of a client's timeline; {@code total} counts every entry of the client. */
public record ClientTimelineView(
        String practiceId, String clientId, List<TimelineEntryView> entries, int offset, int limit, long total) {}
