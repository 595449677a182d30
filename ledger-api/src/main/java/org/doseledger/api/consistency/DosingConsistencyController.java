package org.doseledger.api.consistency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CsvWriter;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.consistency.DoseDistributionView;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.consistency.DosingConsistencyView;
import org.doseledger.projections.consistency.FindDoseDistributionQuery;
import org.doseledger.projections.consistency.PlanInForceView;
import org.doseledger.projections.consistency.SessionDoseView;
import org.doseledger.projections.stock.StockLotProjection;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dosing consistency per client and per practitioner, and the practice's dose distributions. */
@RestController
@RequestMapping("/api/practices/{practiceId}/dosing-consistency")
@Tag(
        name = "Dosing consistency",
        description = "Every dosing session judged against the plan, the previous dose and the rules")
class DosingConsistencyController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    private final DosingSessions sessions;

    DosingConsistencyController(QueryGateway queries, ReadYourWrites readYourWrites, DosingSessions sessions) {
        this.sessions = sessions;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData(
            client = "client",
            parameters = {"practitioner", "from", "to", "offset", "limit"})
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "Dosing sessions judged for consistency (COMPLIANCE_OFFICER, REGULATOR)",
            description = "Per session, in time order: dose in mg and mg/kg, route, the plan in force, change and"
                    + " interval from the client's previous dosed session, waste as a share of the draw, delays"
                    + " from draw to administration and to waste, overrides with their rationale, vitals taken, and"
                    + " flags naming their rule. Narrow by client or practitioner (who drew or administered) and by"
                    + " [from, to). Accept: text/csv returns every matching session.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DosingConsistencyView.class)))
    DosingConsistencyView sessions(
            @PathVariable String practiceId,
            @Parameter(description = "only this client")
                    @RequestParam(required = false)
                    @Pattern(regexp = CommonRequests.ID)
                    String client,
            @Parameter(description = "only sessions this practitioner drew or administered in")
                    @RequestParam(required = false)
                    @Pattern(regexp = CommonRequests.ID)
                    String practitioner,
            @Parameter(description = "sessions at or after") @RequestParam(required = false) Instant from,
            @Parameter(description = "sessions before") @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "wait (bounded) until the report includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        checkPeriod(from, to);
        readYourWrites.awaitPosition(DosingConsistencyProjection.PROCESSING_GROUP, atLeastPosition);
        // each session's take-home mg is read from the stock movements
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        return sessions.page(PracticeId.of(practiceId), client, practitioner, from, to, offset, limit);
    }

    @GetMapping(produces = CsvWriter.MEDIA_TYPE)
    @ReadsClientData(
            client = "client",
            parameters = {"practitioner", "from", "to"},
            kind = AccessKind.EXPORT)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(hidden = true)
    void csv(
            @PathVariable String practiceId,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.ID) String client,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.ID) String practitioner,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Min(1) Long atLeastPosition,
            HttpServletResponse response)
            throws IOException {
        DosingConsistencyView view =
                sessions(practiceId, client, practitioner, from, to, 0, Integer.MAX_VALUE, atLeastPosition);
        CsvWriter csv = CsvWriter.of(response, "dosing-consistency-" + practiceId + ".csv");
        csv.row(
                "clientId",
                "sessionId",
                "at",
                "substance",
                "locationId",
                "routes",
                "drawnMilligrams",
                "administeredMilligrams",
                "wastedMilligrams",
                "wasteShare",
                "weightKilograms",
                "milligramsPerKilogram",
                "planId",
                "planDoseBasis",
                "planMinDose",
                "planMaxDose",
                "planMaxSingleDose",
                "changeFromPreviousPercent",
                "intervalFromPrevious",
                "drawToAdministerDelay",
                "drawToWasteDelay",
                "drawnBy",
                "administeredBy",
                "overrides",
                "vitalsRecorded",
                "flags");
        for (SessionDoseView s : view.sessions()) {
            PlanInForceView plan = s.plan();
            csv.row(
                    s.clientId(),
                    s.sessionId(),
                    s.at(),
                    s.substance(),
                    s.locationId(),
                    s.routes(),
                    s.drawnMilligrams(),
                    s.administeredMilligrams(),
                    s.wastedMilligrams(),
                    s.wasteShare(),
                    s.weightKilograms(),
                    s.milligramsPerKilogram(),
                    plan == null ? null : plan.planId(),
                    plan == null ? null : plan.doseBasis(),
                    plan == null ? null : plan.minDose(),
                    plan == null ? null : plan.maxDose(),
                    plan == null ? null : plan.maxSingleDose(),
                    s.changeFromPreviousPercent(),
                    s.intervalFromPrevious(),
                    s.drawToAdministerDelay(),
                    s.drawToWasteDelay(),
                    s.drawnBy(),
                    s.administeredBy(),
                    s.overrides().isEmpty() ? null : s.overrides().toString(),
                    s.vitalsRecorded(),
                    s.flags());
        }
        csv.flush();
    }

    @GetMapping(path = "/distribution", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData(parameters = {"from", "to"})
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "Dose distributions per practitioner, outliers marked (COMPLIANCE_OFFICER, REGULATOR)",
            description = "Administered doses per substance and route: the practice's quartiles, each practitioner's"
                    + " figures, and the sessions outside the Tukey fences (Q1 - 1.5 IQR, Q3 + 1.5 IQR).")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DoseDistributionView.class)))
    DoseDistributionView distribution(
            @PathVariable String practiceId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        checkPeriod(from, to);
        readYourWrites.awaitPosition(DosingConsistencyProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(
                        new FindDoseDistributionQuery(PracticeId.of(practiceId), from, to),
                        ResponseTypes.instanceOf(DoseDistributionView.class))
                .join();
    }

    private static void checkPeriod(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("to", "to " + to + " is not after from " + from);
        }
    }
}
