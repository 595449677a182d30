package org.doseledger.core.product.api;

import java.time.Instant;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

/**
 * What stock commands need to know of a catalogue product.
 *
 * @param registeredAt when the product entered the practice's catalogue; no receipt of it before then
 */
public record ProductFacts(
        String ndc, Substance substance, Strength strength, Quantity containerSize, Instant registeredAt) {

    /** A product whose registration time does not matter to the caller. */
    public ProductFacts(String ndc, Substance substance, Strength strength, Quantity containerSize) {
        this(ndc, substance, strength, containerSize, null);
    }
}
