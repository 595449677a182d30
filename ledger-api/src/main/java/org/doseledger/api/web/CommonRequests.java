package org.doseledger.api.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;

/** Request parts shared by several resources. */
public final class CommonRequests {

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
