package org.doseledger.core.shared;

/** The unit a product is counted in: millilitres of solution, single troches, nasal spray devices. */
public enum StockUnit {
    ML(3),
    EACH(0),
    DEVICE(0);

    private final int maxScale;

    StockUnit(int maxScale) {
        this.maxScale = maxScale;
    }

    /** Finest precision a quantity in this unit may have: 0.001 mL; whole troches and devices. */
    public int maxScale() {
        return maxScale;
    }
}
