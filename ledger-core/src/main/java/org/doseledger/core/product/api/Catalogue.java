package org.doseledger.core.product.api;

import java.util.Optional;
import org.doseledger.core.shared.PracticeId;

/** Looks up a practice's catalogue for stock commands (kept in the command's transaction). */
public interface Catalogue {

    Optional<ProductFacts> find(PracticeId practiceId, String ndc);
}
