package org.doseledger.api.product;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.doseledger.core.product.api.RegisterProductCommand;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.Ndc;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

final class ProductRequests {

    private ProductRequests() {}

    /**
     * @param ndc with hyphens, e.g. 42023-0113-10
     * @param finishedForm as records name it, e.g. "ketamine HCl injection 50 mg/mL"
     * @param unit what the product is counted in: ML for solutions, EACH for troches, DEVICE for sprays
     * @param milligramsPerUnit strength: mg of substance in one unit, e.g. 50 for 50 mg/mL
     * @param containerSize units in one container, e.g. 10 for a 10 mL vial
     * @param occurredAt when the product entered the practice's catalogue, if before now: no receipt of
     *     it can be dated before
     */
    record RegisterProductRequest(
            @NotBlank @Size(max = 13) String ndc,
            @NotBlank @Size(max = 200) String name,
            @NotNull Substance substance,
            @NotNull DosageForm dosageForm,
            @NotBlank @Size(max = 200) String finishedForm,
            @NotNull StockUnit unit,
            @NotNull @Positive @DecimalMax("10000") BigDecimal milligramsPerUnit,
            @NotNull @Positive @DecimalMax("1000") BigDecimal containerSize,
            @PastOrPresent Instant occurredAt) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "ndc must be a 4-4-2, 5-3-2, 5-4-1 or 5-4-2 NDC with hyphens")
        boolean isNdcValid() {
            return ndc == null || Ndc.isValid(ndc);
        }

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "containerSize must have at most 3 decimals for ML and none for EACH or DEVICE")
        boolean isContainerSizeValid() {
            return containerSize == null || unit == null || Quantity.problemWith(containerSize, unit) == null;
        }

        RegisterProductCommand toCommand(PracticeId practiceId) {
            return new RegisterProductCommand(
                    practiceId,
                    ndc,
                    name,
                    substance,
                    // ketamine and esketamine are both schedule III non-narcotic (3N)
                    ControlledSchedule.IIIN,
                    dosageForm,
                    finishedForm,
                    new Strength(milligramsPerUnit, unit),
                    new Quantity(containerSize, unit),
                    occurredAt);
        }
    }
}
