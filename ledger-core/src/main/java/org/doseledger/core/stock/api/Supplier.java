package org.doseledger.core.stock.api;

import org.doseledger.core.shared.PostalAddress;

/** The registrant that shipped stock, as receipt records require (21 CFR 1304.22(c)). */
public record Supplier(String name, PostalAddress address, String deaNumber) {}
