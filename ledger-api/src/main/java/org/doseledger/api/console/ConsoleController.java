package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.compliance.ComplianceExceptionQueue;
import org.doseledger.api.integrity.IntegrityOverview;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.security.CurrentCredential;
import org.doseledger.api.stock.DiscrepancyResolutions;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.apikey.ApiKeyView;
import org.doseledger.projections.apikey.FindApiKeysQuery;
import org.doseledger.projections.compliance.ComplianceExceptionCounts;
import org.doseledger.projections.compliance.ComplianceExceptionView;
import org.doseledger.projections.compliance.ComplianceExceptionsPage;
import org.doseledger.projections.compliance.ComplianceExceptionsProjection;
import org.doseledger.projections.compliance.ExceptionStatus;
import org.doseledger.projections.practice.PracticeView;
import org.doseledger.projections.practitioner.FindPractitionersQuery;
import org.doseledger.projections.practitioner.PractitionerView;
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
 * The console's pages. Each one calls the same application services as its REST twin and admits the same
 * roles ({@link AllowedRoles}, enforced with the practice scope by the same interceptor); a page that shows
 * client data is recorded in the access log like the API's reads ({@link ReadsClientData}).
 */
@Controller
@ConsolePage
class ConsoleController {

    private static final int PAGE = 50;

    private final ComplianceExceptionQueue exceptions;
    private final IntegrityOverview integrity;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final ConsoleModel pages;
    private final ConsoleOidcProperties oidc;
    private final DiscrepancyResolutions discrepancies;
    private final Clock clock;

    ConsoleController(
            ComplianceExceptionQueue exceptions,
            IntegrityOverview integrity,
            QueryGateway queries,
            ReadYourWrites readYourWrites,
            ConsoleModel pages,
            ConsoleOidcProperties oidc,
            DiscrepancyResolutions discrepancies,
            Clock clock) {
        this.discrepancies = discrepancies;
        this.oidc = oidc;
        this.exceptions = exceptions;
        this.integrity = integrity;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        String message = null;
        if (request.getParameter("error") != null) {
            message = "Sign-in failed: the user name, the password or the code is wrong.";
        } else if (request.getParameter("locked") != null) {
            message =
                    "This account is locked after too many failed sign-ins. Try again later, or ask an administrator.";
        } else if (request.getParameter("ended") != null) {
            message = "Your session ended: the account was closed or has expired.";
        } else if (request.getParameter("providerError") != null) {
            message = "Sign-in through " + oidc.name() + " failed, or it grants this console no role. Ask your"
                    + " administrator.";
        } else if (request.getParameter("providerUnreachable") != null) {
            message = oidc.name() + " cannot be reached just now, so nobody can sign in through it. Try again in a"
                    + " minute; if it persists, tell your administrator.";
        } else if (request.getParameter("signedOut") != null) {
            message = "You are signed out.";
        }
        model.addAttribute("message", message);
        model.addAttribute(
                "failed",
                request.getParameter("error") != null
                        || request.getParameter("locked") != null
                        || request.getParameter("providerError") != null
                        || request.getParameter("providerUnreachable") != null);
        model.addAttribute("provider", oidc.enabled() ? oidc.name() : null);
        return "console/login";
    }

    /** Where a person lands: their practice, the practices granted to them, or the administration. */
    @GetMapping("/console")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR, Role.ADMIN})
    String home(Model model) {
        ApiCredential credential = pages.signedIn(model);
        return switch (credential.role()) {
            case COMPLIANCE_OFFICER, PRACTICE_WRITER ->
                "redirect:/console/practices/" + credential.practiceId().value();
            case REGULATOR -> {
                model.addAttribute(
                        "practices",
                        credential.grantedPractices().stream()
                                .map(pages::practice)
                                .sorted(java.util.Comparator.comparing(PracticeView::name))
                                .toList());
                yield "console/practices";
            }
            case ADMIN -> {
                model.addAttribute(
                        "credentials",
                        queries.query(new FindApiKeysQuery(), ResponseTypes.multipleInstancesOf(ApiKeyView.class))
                                .join());
                model.addAttribute("times", ConsoleTimes.of("UTC"));
                model.addAttribute("newKey", UUID.randomUUID().toString());
                model.addAttribute("schedules", org.doseledger.core.shared.ControlledSchedule.values());
                yield "console/admin";
            }
        };
    }

    @GetMapping("/console/practices/{practiceId}")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData
    String dashboard(@PathVariable String practiceId, Model model) {
        pages.practice(model, practiceId);
        ComplianceExceptionsPage open = exceptions.page(PracticeId.of(practiceId), Set.of(), Set.of(), 0, 10);
        ComplianceExceptionCounts counts = exceptions.counts(PracticeId.of(practiceId));
        model.addAttribute("open", open);
        model.addAttribute("urgent", open.exceptions());
        model.addAttribute("overdue", counts.overdue());
        model.addAttribute("unacknowledged", counts.unacknowledged());
        model.addAttribute("integrity", integrity.now());
        InventoryView stock = queries.query(
                        new FindInventoryQuery(PracticeId.of(practiceId), null, null, null, false),
                        ResponseTypes.instanceOf(InventoryView.class))
                .join();
        model.addAttribute(
                "openDraws",
                stock.lots().stream().mapToInt(InventoryLineView::openDraws).sum());
        model.addAttribute(
                "lotsWithDiscrepancies",
                stock.lots().stream().filter(lot -> lot.openDiscrepancies() > 0).count());
        return "console/dashboard";
    }

    @GetMapping("/console/practices/{practiceId}/exceptions")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(parameters = {"status", "offset"})
    String exceptions(
            @PathVariable String practiceId,
            @RequestParam(required = false) ExceptionStatus status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) Long atLeastPosition,
            Model model) {
        if (atLeastPosition != null && atLeastPosition > 0) {
            readYourWrites.awaitPosition(ComplianceExceptionsProjection.PROCESSING_GROUP, atLeastPosition);
        }
        pages.practice(model, practiceId);
        ApiCredential credential = CurrentCredential.get();
        model.addAttribute("status", status);
        model.addAttribute("statuses", ExceptionStatus.values());
        ComplianceExceptionsPage page = exceptions.page(
                PracticeId.of(practiceId),
                status == null ? Set.of() : EnumSet.of(status),
                Set.of(),
                Math.max(0, offset),
                PAGE);
        model.addAttribute("page", page);
        boolean mayReview = credential.role() == Role.COMPLIANCE_OFFICER;
        model.addAttribute("mayReview", mayReview);
        model.addAttribute("newKey", UUID.randomUUID().toString());
        // the practitioners are for the discrepancy form alone: read them only when the page shows one
        boolean discrepancyForm =
                mayReview && page.exceptions().stream().anyMatch(e -> e.kind() == ExceptionKind.DISCREPANCY_OPEN);
        List<PractitionerView> practitioners = !discrepancyForm
                ? List.of()
                : queries
                        .query(
                                new FindPractitionersQuery(PracticeId.of(practiceId)),
                                ResponseTypes.multipleInstancesOf(PractitionerView.class))
                        .join()
                        .stream()
                        .filter(PractitionerView::active)
                        .toList();
        model.addAttribute("practitioners", practitioners);
        model.addAttribute(
                "prescribers",
                practitioners.stream().filter(p -> p.deaNumber() != null).toList());
        return "console/exceptions";
    }

    /**
     * A count discrepancy resolved from its exception: the explanation, whether the balance takes the count,
     * who resolved it and the prescriber who approved, recorded on the lot as the lot's endpoint records it; the
     * exception clears when the resolution is in the ledger.
     */
    @PostMapping("/console/practices/{practiceId}/exceptions/{exceptionId}/discrepancy-resolution")
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    String resolveDiscrepancy(
            @PathVariable String practiceId,
            @PathVariable String exceptionId,
            @RequestParam(defaultValue = "") String explanation,
            @RequestParam(defaultValue = "false") boolean adjustToCount,
            @RequestParam(defaultValue = "") String resolvedBy,
            @RequestParam(defaultValue = "") String approvedBy,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String back = "redirect:/console/practices/" + practiceId + "/exceptions";
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        PracticeId practice = PracticeId.of(practiceId);
        ComplianceExceptionView exception = exceptions.find(practice, exceptionId);
        String[] parts = exceptionId.split(":");
        if (exception.kind() != ExceptionKind.DISCREPANCY_OPEN || parts.length != 5) {
            throw new InvalidQueryException("exceptionId", "is not a count discrepancy");
        }
        String text = explanation.strip();
        if (text.isEmpty() || text.length() > 4000 || resolvedBy.isBlank() || approvedBy.isBlank()) {
            redirect.addFlashAttribute(
                    "error",
                    "A resolution needs an explanation (at most 4000 characters), who resolved it and the prescriber"
                            + " who approved. Nothing was recorded.");
            return back;
        }
        StockLotRef lot = new StockLotRef(practice, parts[1], parts[2], parts[3]);
        try {
            ResponseEntity<Object> answer = discrepancies.resolve(
                    context,
                    lot,
                    parts[4],
                    text,
                    adjustToCount,
                    ConsoleInput.id("resolvedBy", resolvedBy),
                    ConsoleInput.id("approvedBy", approvedBy));
            redirect.addFlashAttribute(
                    "notice",
                    "Discrepancy resolved: " + exception.summary()
                            + (adjustToCount ? "; the balance now takes the count." : "; the balance stands."));
            return answer.getBody() instanceof WriteReceipt receipt
                    ? back + "?atLeastPosition=" + receipt.ledgerPosition()
                    : back;
        } catch (LedgerRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was recorded.");
            return back;
        }
    }

    @PostMapping("/console/practices/{practiceId}/exceptions/{exceptionId}/acknowledgement")
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    String acknowledge(
            @PathVariable String practiceId,
            @PathVariable String exceptionId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return review(practiceId, exceptionId, idempotencyKey, note, false, request, redirect);
    }

    @PostMapping("/console/practices/{practiceId}/exceptions/{exceptionId}/resolution")
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    String resolve(
            @PathVariable String practiceId,
            @PathVariable String exceptionId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return review(practiceId, exceptionId, idempotencyKey, note, true, request, redirect);
    }

    private String review(
            String practiceId,
            String exceptionId,
            String idempotencyKey,
            String note,
            boolean resolution,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String back = "redirect:/console/practices/" + practiceId + "/exceptions";
        String trimmed = note.strip();
        if (trimmed.length() > 4000) {
            redirect.addFlashAttribute("error", "The note is longer than 4000 characters; nothing was recorded.");
            return back;
        }
        if (resolution && trimmed.isEmpty()) {
            redirect.addFlashAttribute(
                    "error",
                    "A resolution needs a note: what was done, or why nothing had to be. Nothing was recorded.");
            return back;
        }
        ApiCredential credential = CurrentCredential.get();
        String reviewer = pages.name(credential);
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        PracticeId practice = PracticeId.of(practiceId);
        ComplianceExceptionView exception = exceptions.find(practice, exceptionId);
        try {
            ResponseEntity<Object> answer = resolution
                    ? exceptions.resolve(context, practice, exceptionId, reviewer, trimmed)
                    : exceptions.acknowledge(
                            context, practice, exceptionId, reviewer, trimmed.isEmpty() ? null : trimmed);
            redirect.addFlashAttribute(
                    "notice",
                    (resolution ? "Resolved: " : "Acknowledged: ") + exception.summary() + " (recorded as " + reviewer
                            + ")");
            if (answer.getBody() instanceof WriteReceipt receipt) {
                return back + "?atLeastPosition=" + receipt.ledgerPosition();
            }
            return back;
        } catch (LedgerRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was recorded.");
            return back;
        }
    }
}
