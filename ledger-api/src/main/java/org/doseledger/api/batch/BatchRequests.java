package org.doseledger.api.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.doseledger.api.web.CommonRequests;

final class BatchRequests {

    /** A path segment: an id, a name, or a reference to the id an earlier item of the batch created. */
    static final String SEGMENT = "(?:[A-Za-z0-9._~-]+|\\{item:[0-9]{1,4}\\})";

    static final String PATH = "(?:/" + SEGMENT + ")+";

    private BatchRequests() {}

    /** Writes of one practice, applied in order in one transaction: all of them or none. */
    record BatchRequest(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid BatchItemRequest> items) {}

    /**
     * One write, as its own endpoint would receive it: the method, the path (relative to the practice, or
     * absolute under {@code /api/practices/{practiceId}/}) and the body. A path segment {@code {item:N}}
     * stands for the id in the receipt of item N, an earlier item of the same batch.
     */
    record BatchItemRequest(
            @Schema(allowableValues = "POST", example = "POST")
            @NotNull
            @Pattern(regexp = "POST", message = "must be POST: a batch holds writes")
            String method,

            @Schema(example = "/clients/c-1001/consents")
            @NotBlank
            @Size(max = 500)
            @Pattern(
                    regexp = PATH,
                    message = "must be a path of segments of letters, digits, '.', '_', '~' or '-', or {item:N}")
            String path,

            @Schema(
                    implementation = Object.class,
                    types = "object",
                    description = "The request body the item's own endpoint takes")
            @NotNull
            JsonNode body,

            @Schema(
                    description = "The practitioner acting for this item (X-Practitioner-Id); defaults to the"
                            + " batch's header")
            @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String practitionerId) {}
}
