package org.doseledger.projections.stock;

import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;

/**
 * A practice's current inventory, optionally narrowed to one location, product (NDC) or substance.
 * Lots at zero with no open draw are left out unless {@code includeEmpty}.
 */
public record FindInventoryQuery(
        PracticeId practiceId, String locationId, String ndc, Substance substance, boolean includeEmpty) {}
