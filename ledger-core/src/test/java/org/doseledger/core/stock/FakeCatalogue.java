package org.doseledger.core.stock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.product.api.Catalogue;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.shared.PracticeId;

/** An in-memory catalogue: products by practice and NDC. */
final class FakeCatalogue implements Catalogue {

    private final Map<String, ProductFacts> products = new HashMap<>();

    FakeCatalogue with(PracticeId practiceId, ProductFacts product) {
        products.put(key(practiceId, product.ndc()), product);
        return this;
    }

    @Override
    public Optional<ProductFacts> find(PracticeId practiceId, String ndc) {
        return Optional.ofNullable(products.get(key(practiceId, ndc)));
    }

    private static String key(PracticeId practiceId, String ndc) {
        return practiceId.value() + "/" + ndc;
    }
}
