package org.doseledger.api.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;

/** Request parts shared by several resources. */
public final class CommonRequests {

    /** Ids chosen by practice software: practitioners, clients, locations, lots. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** A National Drug Code with its hyphens (4-4-2, 5-3-2 or 5-4-1). */
    public static final String NDC = "[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}";

    public static final String ID_MESSAGE =
            "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private CommonRequests() {}

    /** A US postal address. */
    public record AddressBody(
            @NotBlank @Size(max = 100) String line1,
            @Size(max = 100) String line2,
            @NotBlank @Size(max = 60) String city,

            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code")
            String state,

            @NotBlank @Pattern(regexp = "[0-9]{5}(-[0-9]{4})?", message = "must be a ZIP or ZIP+4 code")
            String postalCode) {

        public PostalAddress toAddress() {
            return new PostalAddress(line1, line2, city, state, postalCode);
        }
    }

    /** An exact amount with its unit, e.g. {"amount": "1.5", "unit": "ML"}; never a bare number. */
    public record QuantityBody(
            @NotNull BigDecimal amount, @NotNull StockUnit unit) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "must be greater than zero, with at most 3 decimals for ML and none for EACH or DEVICE")
        public boolean isValidQuantity() {
            return amount == null || unit == null || Quantity.problemWith(amount, unit) == null;
        }

        public Quantity toQuantity() {
            return new Quantity(amount, unit);
        }
    }

    /** Why an entry is recorded more than 24 h after it occurred, and who co-signs it. */
    public record LateEntryBody(
            @Size(max = 1000) String reason,

            @Pattern(regexp = ID, message = ID_MESSAGE) String cosignedBy,

            @Pattern(regexp = ID, message = ID_MESSAGE) String importId) {

        /** An entry names either the history import it is transcribed in, or its own reason and co-signer. */
        @AssertTrue(message = "give importId (an entry of a history import), or reason and cosignedBy, not both")
        @JsonIgnore
        public boolean isImportOrReasonAndCosigner() {
            boolean reasoned = reason != null && !reason.isBlank() && cosignedBy != null && !cosignedBy.isBlank();
            boolean anyReason = (reason != null && !reason.isBlank()) || (cosignedBy != null && !cosignedBy.isBlank());
            return importId != null ? !anyReason : reasoned;
        }

        public static LateEntry toLateEntry(LateEntryBody body) {
            if (body == null) {
                return null;
            }
            return body.importId() != null
                    ? LateEntry.imported(body.importId())
                    : new LateEntry(body.reason(), body.cosignedBy());
        }
    }

    /** A legal name as PDMP files need it: given, optional middle, family. */
    public record PersonNameBody(
            @NotBlank @Size(max = 60) String given,
            @Size(max = 60) String middle,
            @NotBlank @Size(max = 60) String family) {

        public PersonName toName() {
            return new PersonName(given, middle, family);
        }
    }
}
