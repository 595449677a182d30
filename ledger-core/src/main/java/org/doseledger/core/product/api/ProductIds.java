package org.doseledger.core.product.api;

import org.doseledger.core.shared.PracticeId;

/** Stream identifiers of catalogue products. */
public final class ProductIds {

    private ProductIds() {}

    public static String aggregateId(PracticeId practiceId, String ndc) {
        return "product:" + practiceId.value() + ":" + ndc;
    }
}
