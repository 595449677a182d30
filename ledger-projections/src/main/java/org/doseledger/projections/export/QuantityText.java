package org.doseledger.projections.export;

import java.math.BigDecimal;

/**
 * A quantity with its unit, as people read it: "2.4 mL", "5 troches", "1 device". The ledger's units are
 * {@code ML} (solution), {@code EACH} (a troche: the only product counted each) and {@code DEVICE} (a nasal
 * spray device).
 */
public final class QuantityText {

    private QuantityText() {}

    /** The amount and its unit; the amount alone when the unit is unknown, empty when there is no amount. */
    public static String of(BigDecimal amount, String unit) {
        if (amount == null) {
            return "";
        }
        String label = label(unit, amount.compareTo(BigDecimal.ONE) == 0);
        return label == null ? amount.toPlainString() : amount.toPlainString() + " " + label;
    }

    /** The unit's name for people, singular or plural; null when the unit is not one of the ledger's. */
    public static String label(String unit, boolean one) {
        if (unit == null) {
            return null;
        }
        return switch (unit) {
            case "ML" -> "mL";
            case "EACH" -> one ? "troche" : "troches";
            case "DEVICE" -> one ? "device" : "devices";
            case "mg" -> "mg";
            default -> unit;
        };
    }
}
