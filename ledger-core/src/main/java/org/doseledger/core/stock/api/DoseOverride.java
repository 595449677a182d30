package org.doseledger.core.stock.api;

/**
 * Why a dose outside the treatment plan was given, and the second prescriber who approved it. A dose
 * changing more than the policy percentage from the previous session needs the rationale only.
 */
public record DoseOverride(String rationale, String approvedBy) {}
