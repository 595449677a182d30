package org.doseledger.core.export.api;

import java.math.BigDecimal;

/**
 * One record of a PDMP file as the ledger generated it: the dispensing it reports (by its event id), how
 * ({@code NEW}, {@code REVISE} or {@code VOID}, ASAP DSP01) and the quantity it reports (null for a void).
 * A later file reports a dispensing again only when its state differs from the one its latest submitted
 * or accepted file reported.
 */
public record PdmpFileRecord(String dispensingEventId, String status, BigDecimal quantity) {}
