package org.doseledger.projections.consistency;

import java.util.List;

/** A page of dosing sessions in time order; {@code total} counts every session that matched. */
public record DosingConsistencyView(
        String practiceId, List<SessionDoseView> sessions, int offset, int limit, long total) {}
