package org.doseledger.projections.product;

import org.doseledger.core.shared.PracticeId;

/** The whole catalogue of a practice. */
public record FindProductsQuery(PracticeId practiceId) {}
