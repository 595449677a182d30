package org.doseledger.projections.export.pdmp;

/**
 * A record lacks an element the standard or the state profile requires, and the profile gives no default:
 * the file would be rejected, so none is written past this point.
 */
public class AsapElementMissingException extends IllegalArgumentException {

    private final String element;

    public AsapElementMissingException(String element, String record, String profile) {
        super(element + " is required by state profile " + profile + " but missing for " + record);
        this.element = element;
    }

    /** The element id, e.g. {@code PRE01}. */
    public String element() {
        return element;
    }
}
