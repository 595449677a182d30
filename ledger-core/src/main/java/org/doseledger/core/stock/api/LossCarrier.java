package org.doseledger.core.stock.api;

import java.time.LocalDate;

/**
 * For a loss in transit, the common carrier that held the shipment as DEA Form 106 asks it: its name,
 * the shipment's tracking number, and the day it was shipped.
 */
public record LossCarrier(String name, String trackingNumber, LocalDate shippedOn) {}
