package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.stock.InventoryCounts;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.practitioner.FindPractitionersQuery;
import org.doseledger.projections.practitioner.PractitionerView;
import org.doseledger.projections.product.FindProductsQuery;
import org.doseledger.projections.product.ProductView;
import org.doseledger.projections.stock.FindInventoryQuery;
import org.doseledger.projections.stock.InventoryLineView;
import org.doseledger.projections.stock.InventoryView;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A guided inventory: every lot on hand, each counted as sealed containers and what the opened ones hold
 * (measured, or estimated as a Schedule III inventory may), by one person with a witness. The form does not
 * show the balances, so the count is blind; the whole inventory is recorded in one write
 * ({@link InventoryCounts}), and any lot that does not match its balance opens a discrepancy.
 */
@Controller
@ConsolePage
class ConsoleCountPages {

    private static final Pattern ID = Pattern.compile(CommonRequests.ID);
    private static final int MAX_LOTS = 500;

    /** One row of the form: a lot on hand and the size of its product's containers. */
    record CountRow(InventoryLineView lot, BigDecimal containerSize) {}

    private final QueryGateway queries;
    private final InventoryCounts counts;
    private final ConsoleModel pages;
    private final Clock clock;

    ConsoleCountPages(QueryGateway queries, InventoryCounts counts, ConsoleModel pages, Clock clock) {
        this.queries = queries;
        this.counts = counts;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/console/practices/{practiceId}/counts/new")
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    String form(@PathVariable String practiceId, Model model) {
        pages.practice(model, practiceId);
        PracticeId practice = PracticeId.of(practiceId);
        model.addAttribute("rows", rows(practice));
        model.addAttribute(
                "practitioners",
                queries
                        .query(
                                new FindPractitionersQuery(practice),
                                ResponseTypes.multipleInstancesOf(PractitionerView.class))
                        .join()
                        .stream()
                        .filter(PractitionerView::active)
                        .toList());
        model.addAttribute("kinds", List.of(CountKind.BIENNIAL, CountKind.ROUTINE, CountKind.INITIAL));
        model.addAttribute("timings", CountTiming.values());
        model.addAttribute("newKey", UUID.randomUUID().toString());
        return "console/count";
    }

    @PostMapping("/console/practices/{practiceId}/counts")
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    String record(
            @PathVariable String practiceId,
            @RequestParam CountKind kind,
            @RequestParam CountTiming timing,
            @RequestParam String countedBy,
            @RequestParam String witnessedBy,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String back = "redirect:/console/practices/" + practiceId + "/counts/new";
        PracticeId practice = PracticeId.of(practiceId);
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        if (!ID.matcher(countedBy).matches() || !ID.matcher(witnessedBy).matches()) {
            redirect.addFlashAttribute("error", "Choose who counted and who witnessed. Nothing was recorded.");
            return back;
        }
        Map<String, CountRow> onHand =
                rows(practice).stream().collect(Collectors.toMap(row -> key(row.lot()), Function.identity()));
        List<InventoryCounts.LotCount> lots = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < MAX_LOTS && request.getParameter("lot-" + i) != null; i++) {
            CountRow row = onHand.get(request.getParameter("lot-" + i));
            if (row == null) {
                problems.add("a lot of the form is no longer on hand; reload the form");
                continue;
            }
            String label = "lot " + row.lot().lotNumber() + " at " + row.lot().locationId();
            BigDecimal sealed = number(request.getParameter("unopened-" + i), label + ": sealed containers", problems);
            BigDecimal opened = number(request.getParameter("opened-" + i), label + ": opened containers", problems);
            if (sealed == null || opened == null) {
                continue;
            }
            if (sealed.stripTrailingZeros().scale() > 0) {
                problems.add(label + ": sealed containers are a whole number");
                continue;
            }
            BigDecimal counted = sealed.multiply(row.containerSize()).add(opened);
            boolean estimated = request.getParameter("estimated-" + i) != null;
            lots.add(new InventoryCounts.LotCount(
                    new StockLotRef(
                            practice,
                            row.lot().locationId(),
                            row.lot().ndc(),
                            row.lot().lotNumber()),
                    counted,
                    row.lot().unit(),
                    !estimated));
        }
        if (lots.isEmpty() && problems.isEmpty()) {
            problems.add("no lot was on the form");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", String.join("; ", problems) + ". Nothing was recorded.");
            return back;
        }
        try {
            ResponseEntity<Object> answer =
                    counts.record(context, practice, kind, timing, countedBy, witnessedBy, clock.instant(), lots);
            long discrepancies = answer.getBody() instanceof WriteReceipt receipt
                    ? receipt.events().stream()
                            .filter(event -> event.eventType().equals("DiscrepancyRecorded"))
                            .count()
                    : 0;
            redirect.addFlashAttribute(
                    "notice",
                    "Recorded the " + kind.name().toLowerCase() + " count of " + lots.size() + " lot(s)"
                            + (discrepancies == 0
                                    ? "; every lot matches its balance."
                                    : "; " + discrepancies + " lot(s) differ from their balance: a discrepancy is open"
                                            + " for each in the exceptions queue."));
            return "redirect:/console/practices/" + practiceId + "/inventory"
                    + (answer.getBody() instanceof WriteReceipt receipt
                            ? "?atLeastPosition=" + receipt.ledgerPosition()
                            : "");
        } catch (LedgerRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was recorded.");
            return back;
        }
    }

    private List<CountRow> rows(PracticeId practice) {
        InventoryView inventory = queries.query(
                        new FindInventoryQuery(practice, null, null, null, false),
                        ResponseTypes.instanceOf(InventoryView.class))
                .join();
        Map<String, BigDecimal> containers = queries
                .query(new FindProductsQuery(practice), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join()
                .stream()
                .collect(Collectors.toMap(ProductView::ndc, ProductView::containerSize, (a, b) -> a));
        return inventory.lots().stream()
                .map(lot -> new CountRow(lot, containers.getOrDefault(lot.ndc(), BigDecimal.ONE)))
                .toList();
    }

    static String key(InventoryLineView lot) {
        return lot.locationId() + "|" + lot.ndc() + "|" + lot.lotNumber();
    }

    private static BigDecimal number(String text, String field, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(field + " is empty (enter 0 for none)");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() < 0 || value.precision() - value.scale() > 9 || value.scale() > 4) {
                problems.add(field + " must be a number from 0, with at most 4 decimals");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(field + " is not a number: " + text.strip());
            return null;
        }
    }
}
