package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What DEA Form 106 asks of a theft or loss beyond the items: the day it happened ({@code lostOn}, null
 * when unknown: the form then gives the day of discovery), the county where it happened, the estimated
 * value of what was lost in US dollars, and for a loss in transit the carrier.
 */
public record LossDetails(LocalDate lostOn, String county, BigDecimal estimatedValueUsd, LossCarrier carrier) {}
