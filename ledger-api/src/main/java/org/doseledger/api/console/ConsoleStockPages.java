package org.doseledger.api.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.accountability.AccountabilityMovementView;
import org.doseledger.projections.accountability.AccountabilityView;
import org.doseledger.projections.accountability.FindAccountabilityQuery;
import org.doseledger.projections.accountability.LotAccountabilityView;
import org.doseledger.projections.practice.PracticeView;
import org.doseledger.projections.stock.FindInventoryQuery;
import org.doseledger.projections.stock.FindStockLotQuery;
import org.doseledger.projections.stock.FindStockMovementsQuery;
import org.doseledger.projections.stock.InventoryView;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.stock.StockLotView;
import org.doseledger.projections.stock.StockMovementView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stock pages: the inventory by location and lot, one lot with its movements, and the accountability
 * question "what did we hold on date X", answered twice side by side: as known now, and as the ledger showed
 * then. They ask the same queries as the inventory, lot and accountability endpoints.
 */
@Controller
@ConsolePage
class ConsoleStockPages {

    private static final int MOVEMENTS = 500;

    private final QueryGateway queries;
    private final ConsoleModel pages;
    private final Clock clock;

    private final ReadYourWrites readYourWrites;

    ConsoleStockPages(QueryGateway queries, ConsoleModel pages, Clock clock, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/console/practices/{practiceId}/inventory")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    String inventory(
            @PathVariable String practiceId,
            @RequestParam(defaultValue = "false") boolean includeEmpty,
            @RequestParam(required = false) Long atLeastPosition,
            Model model) {
        if (atLeastPosition != null && atLeastPosition > 0) {
            readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        }
        pages.practice(model, practiceId);
        model.addAttribute(
                "mayCount", org.doseledger.api.security.CurrentCredential.get().role() == Role.COMPLIANCE_OFFICER);
        InventoryView inventory = queries.query(
                        new FindInventoryQuery(PracticeId.of(practiceId), null, null, null, includeEmpty),
                        ResponseTypes.instanceOf(InventoryView.class))
                .join();
        Map<String, List<Object>> byLocation = new LinkedHashMap<>();
        inventory
                .lots()
                .forEach(line -> byLocation
                        .computeIfAbsent(line.locationId(), location -> new ArrayList<>())
                        .add(line));
        model.addAttribute("inventory", inventory);
        model.addAttribute("locations", byLocation);
        model.addAttribute("includeEmpty", includeEmpty);
        return "console/inventory";
    }

    @GetMapping("/console/practices/{practiceId}/lots/{locationId}/{ndc}/{lotNumber}")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(parameters = {"locationId", "ndc", "lotNumber"})
    String lot(@PathVariable String practiceId, StockLotRef lot, Model model) {
        pages.practice(model, practiceId);
        StockLotView view = queries.query(
                        new FindStockLotQuery(lot), ResponseTypes.optionalInstanceOf(StockLotView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("lot", lot.lotNumber()));
        List<StockMovementView> movements = queries.query(
                        new FindStockMovementsQuery(lot, 0, MOVEMENTS),
                        ResponseTypes.multipleInstancesOf(StockMovementView.class))
                .join();
        model.addAttribute("lot", view);
        model.addAttribute("movements", movements);
        model.addAttribute("more", movements.size() == MOVEMENTS);
        return "console/lot";
    }

    /**
     * One lot's answer both ways: what occurred by the end of the day as known now, and as the ledger showed
     * at that moment; {@code late} are the entries recorded after it that the first answer includes.
     */
    record LotAnswer(LotAccountabilityView now, LotAccountabilityView then, List<AccountabilityMovementView> late) {

        public boolean differs() {
            return then == null || now.expected().compareTo(then.expected()) != 0;
        }
    }

    @GetMapping("/console/practices/{practiceId}/accountability")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(parameters = "date")
    String accountability(
            @PathVariable String practiceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        PracticeView practice = pages.practice(model, practiceId);
        ZoneId zone = ZoneId.of(practice.timeZone());
        Instant now = clock.instant();
        LocalDate day = date == null ? now.atZone(zone).toLocalDate().minusDays(1) : date;
        // the end of that day in the practice's time zone
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        Instant asOf = endOfDay.isAfter(now) ? now : endOfDay;
        AccountabilityView knownNow = accountability(practiceId, asOf, now);
        AccountabilityView shownThen = accountability(practiceId, asOf, asOf);
        Map<String, LotAccountabilityView> thenByLot = new LinkedHashMap<>();
        shownThen.lots().forEach(lot -> thenByLot.put(key(lot), lot));
        List<LotAnswer> answers = knownNow.lots().stream()
                .map(lot -> new LotAnswer(
                        lot,
                        thenByLot.get(key(lot)),
                        lot.movements() == null
                                ? List.of()
                                : lot.movements().stream()
                                        .filter(m -> m.recordedAt().isAfter(asOf))
                                        .toList()))
                .toList();
        model.addAttribute("day", day);
        model.addAttribute("asOf", asOf);
        model.addAttribute("answers", answers);
        model.addAttribute(
                "differing", answers.stream().filter(LotAnswer::differs).count());
        return "console/accountability";
    }

    private AccountabilityView accountability(String practiceId, Instant asOf, Instant knownAt) {
        return queries.query(
                        new FindAccountabilityQuery(
                                PracticeId.of(practiceId), asOf, knownAt, null, null, null, null, true),
                        ResponseTypes.instanceOf(AccountabilityView.class))
                .join();
    }

    private static String key(LotAccountabilityView lot) {
        return lot.locationId() + "/" + lot.ndc() + "/" + lot.lotNumber();
    }
}
