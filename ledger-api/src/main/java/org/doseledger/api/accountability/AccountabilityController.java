package org.doseledger.api.accountability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CsvWriter;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;
import org.doseledger.projections.accountability.AccountabilityView;
import org.doseledger.projections.accountability.ClosingCountView;
import org.doseledger.projections.accountability.FindAccountabilityQuery;
import org.doseledger.projections.accountability.LotAccountabilityView;
import org.doseledger.projections.accountability.MovementTotalsView;
import org.doseledger.projections.stock.StockLotProjection;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accountability of every lot at any date: as known now, or as the ledger showed it then. */
@RestController
@RequestMapping("/api/practices/{practiceId}/accountability")
@Tag(
        name = "Accountability",
        description = "Opening inventory, movements, expected balance and counts of each lot, at any date")
class AccountabilityController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    AccountabilityController(QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "Accountability audit at a date (COMPLIANCE_OFFICER, REGULATOR)",
            description = "For every lot: the opening inventory (the last count at or before from; zero at the"
                    + " lot's first entry without from or without such a count), what moved until asOf,"
                    + " the balance expected at asOf, and the period's last count against what was expected"
                    + " when it was taken. knownAt (default now) chooses what the ledger knew: entries recorded"
                    + " after it are left out. asOf=X&knownAt=X is what the ledger showed at X; asOf=X alone is"
                    + " everything that occurred by X as known now, late entries and corrections included."
                    + " Accept: text/csv returns one row per lot.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AccountabilityView.class)))
    AccountabilityView accountability(
            @PathVariable String practiceId,
            @Parameter(description = "entries that occurred at or before this time (ISO 8601 with offset)")
                    @RequestParam
                    Instant asOf,
            @Parameter(description = "entries the ledger had recorded at or before this time; default now")
                    @RequestParam(required = false)
                    Instant knownAt,
            @Parameter(description = "open the period at the last count at or before this time")
                    @RequestParam(required = false)
                    Instant from,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.ID) String location,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.NDC) String ndc,
            @RequestParam(required = false) Substance substance,
            @Parameter(description = "list each movement of the period") @RequestParam(defaultValue = "true")
                    boolean movements,
            @Parameter(description = "wait (bounded) until the stock read model includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        if (from != null && from.isAfter(asOf)) {
            throw new InvalidPeriodException(from, asOf);
        }
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        Instant now = clock.instant();
        Instant known = knownAt == null || knownAt.isAfter(now) ? now : knownAt;
        return queries.query(
                        new FindAccountabilityQuery(
                                PracticeId.of(practiceId), asOf, known, from, location, ndc, substance, movements),
                        ResponseTypes.instanceOf(AccountabilityView.class))
                .join();
    }

    @GetMapping(produces = CsvWriter.MEDIA_TYPE)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(hidden = true)
    void csv(
            @PathVariable String practiceId,
            @RequestParam Instant asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.ID) String location,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.NDC) String ndc,
            @RequestParam(required = false) Substance substance,
            @RequestParam(required = false) @Min(1) Long atLeastPosition,
            HttpServletResponse response)
            throws IOException {
        AccountabilityView view =
                accountability(practiceId, asOf, knownAt, from, location, ndc, substance, false, atLeastPosition);
        CsvWriter csv = CsvWriter.of(response, "accountability-" + practiceId + ".csv");
        csv.row(
                "asOf",
                "knownAt",
                "locationId",
                "ndc",
                "lotNumber",
                "substance",
                "unit",
                "openingCountId",
                "openingCountedAt",
                "opening",
                "received",
                "transferredIn",
                "drawn",
                "administered",
                "wasted",
                "dispensed",
                "transferredOut",
                "returned",
                "destroyed",
                "lost",
                "adjusted",
                "expected",
                "expectedMilligrams",
                "closingCountId",
                "closingCountedAt",
                "closingCounted",
                "closingExpected",
                "closingDifference");
        for (LotAccountabilityView lot : view.lots()) {
            MovementTotalsView t = lot.totals();
            ClosingCountView c = lot.closingCount();
            csv.row(
                    view.asOf(),
                    view.knownAt(),
                    lot.locationId(),
                    lot.ndc(),
                    lot.lotNumber(),
                    lot.substance(),
                    lot.unit(),
                    lot.opening().countId(),
                    lot.opening().countedAt(),
                    lot.opening().quantity(),
                    t.received(),
                    t.transferredIn(),
                    t.drawn(),
                    t.administered(),
                    t.wasted(),
                    t.dispensed(),
                    t.transferredOut(),
                    t.returned(),
                    t.destroyed(),
                    t.lost(),
                    t.adjusted(),
                    lot.expected(),
                    lot.expectedMilligrams(),
                    c == null ? null : c.countId(),
                    c == null ? null : c.countedAt(),
                    c == null ? null : c.counted(),
                    c == null ? null : c.expected(),
                    c == null ? null : c.difference());
        }
        csv.flush();
    }
}
