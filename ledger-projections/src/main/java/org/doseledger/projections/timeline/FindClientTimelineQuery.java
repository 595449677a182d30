package org.doseledger.projections.timeline;

import org.doseledger.core.shared.ClientRef;

/** One page of a client's timeline, in the order things occurred. */
public record FindClientTimelineQuery(ClientRef client, int offset, int limit) {}
