package org.doseledger.projections.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.product.api.Catalogue;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.product.api.ProductRegisteredEvent;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.projections.support.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each practice's catalogue; receipts take strength and container size from it. */
@ProcessingGroup(ProductCatalogueProjection.PROCESSING_GROUP)
public class ProductCatalogueProjection implements Catalogue {

    public static final String PROCESSING_GROUP = "product-catalogue";

    private final JdbcTemplate jdbc;

    public ProductCatalogueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductRegisteredEvent event) {
        jdbc.update(
                """
                insert into product_catalogue (practice_id, ndc, name, substance, schedule, dosage_form, finished_form,
                                               milligrams_per_unit, unit, container_size, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.ndc(),
                event.name(),
                event.substance().name(),
                event.schedule().name(),
                event.dosageForm().name(),
                event.finishedForm(),
                event.strength().milligramsPerUnit(),
                event.strength().unit().name(),
                event.containerSize().amount(),
                Timestamp.from(event.occurredAt()));
    }

    @Override
    public Optional<ProductFacts> find(PracticeId practiceId, String ndc) {
        return jdbc
                .query(
                        "select * from product_catalogue where practice_id = ? and ndc = ?",
                        ProductCatalogueProjection::toView,
                        practiceId.value(),
                        ndc)
                .stream()
                .findFirst()
                .map(view -> new ProductFacts(
                        view.ndc(),
                        view.substance(),
                        new Strength(view.milligramsPerUnit(), view.unit()),
                        new Quantity(view.containerSize(), view.unit()),
                        view.registeredAt()));
    }

    @QueryHandler
    public List<ProductView> handle(FindProductsQuery query) {
        return jdbc.query(
                "select * from product_catalogue where practice_id = ? order by ndc",
                ProductCatalogueProjection::toView,
                query.practiceId().value());
    }

    private static ProductView toView(ResultSet rs, int row) throws SQLException {
        return new ProductView(
                rs.getString("ndc"),
                rs.getString("name"),
                Substance.valueOf(rs.getString("substance")),
                ControlledSchedule.valueOf(rs.getString("schedule")),
                DosageForm.valueOf(rs.getString("dosage_form")),
                rs.getString("finished_form"),
                Decimals.plain(rs.getBigDecimal("milligrams_per_unit")),
                StockUnit.valueOf(rs.getString("unit")),
                Decimals.plain(rs.getBigDecimal("container_size")),
                rs.getTimestamp("registered_at").toInstant());
    }
}
