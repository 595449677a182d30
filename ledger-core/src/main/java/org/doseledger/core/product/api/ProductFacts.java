package org.doseledger.core.product.api;

import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

/** What stock commands need to know of a catalogue product. */
public record ProductFacts(String ndc, Substance substance, Strength strength, Quantity containerSize) {}
