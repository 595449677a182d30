package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.export.ExportJobs;
import org.doseledger.api.export.ExportRequesting;
import org.doseledger.api.export.ExportRequests.CreateExportRequest;
import org.doseledger.api.export.ExportRequests.RecordPdmpSubmissionRequest;
import org.doseledger.api.export.PdmpSubmissions;
import org.doseledger.api.integrity.BundleChecks;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.export.api.PdmpSubmissionStatus;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.practice.PracticeView;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Exports for people: request one, watch it run, download its bundle, and see it checked with the ledger's
 * public keys, with the key and the offline command beside it for whoever verifies it themselves. The same
 * application services as the exports endpoints.
 */
@Controller
@ConsolePage
class ConsoleExportPages {

    private final ExportJobs jobs;
    private final ExportRequesting requesting;
    private final BundleChecks checks;
    private final PdmpSubmissions submissions;
    private final Validator validator;
    private final ConsoleModel pages;
    private final Clock clock;

    ConsoleExportPages(
            ExportJobs jobs,
            ExportRequesting requesting,
            BundleChecks checks,
            PdmpSubmissions submissions,
            Validator validator,
            ConsoleModel pages,
            Clock clock) {
        this.jobs = jobs;
        this.requesting = requesting;
        this.checks = checks;
        this.submissions = submissions;
        this.validator = validator;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/console/practices/{practiceId}/exports")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData
    String exports(@PathVariable String practiceId, Model model) {
        PracticeView practice = pages.practice(model, practiceId);
        LocalDate today = clock.instant().atZone(ZoneId.of(practice.timeZone())).toLocalDate();
        model.addAttribute("exports", jobs.list(PracticeId.of(practiceId)));
        model.addAttribute("types", jobs.typeChoices());
        model.addAttribute("from", today.withDayOfMonth(1).minusMonths(1));
        model.addAttribute("to", today.withDayOfMonth(1).minusDays(1));
        model.addAttribute("newKey", UUID.randomUUID().toString());
        return "console/exports";
    }

    @PostMapping("/console/practices/{practiceId}/exports")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    String request(
            @PathVariable String practiceId,
            @RequestParam String type,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "") String locationId,
            @RequestParam(defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String recordId,
            @RequestParam String idempotencyKey,
            HttpServletRequest http,
            RedirectAttributes redirect) {
        String back = "redirect:/console/practices/" + practiceId + "/exports";
        CreateExportRequest request = new CreateExportRequest(
                type,
                from,
                to,
                ConsoleInput.blankToNull(locationId),
                ConsoleInput.blankToNull(clientId),
                ConsoleInput.blankToNull(recordId));
        Set<ConstraintViolation<CreateExportRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("error", ConsoleInput.describe(violations) + ". Nothing was requested.");
            return back;
        }
        WriteContext context = ConsoleInput.write(http, idempotencyKey, clock);
        try {
            ResponseEntity<Object> answer = requesting.request(context, PracticeId.of(practiceId), request);
            String location = answer.getHeaders().getLocation() == null
                    ? null
                    : answer.getHeaders().getLocation().getPath();
            if (location == null) {
                return back;
            }
            redirect.addFlashAttribute("notice", "Export requested.");
            return "redirect:/console/practices/" + practiceId + "/exports/"
                    + location.substring(location.lastIndexOf('/') + 1);
        } catch (InvalidQueryException refused) {
            redirect.addFlashAttribute(
                    "error", refused.field() + ": " + refused.getMessage() + ". Nothing was requested.");
            return back;
        } catch (LedgerRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return back;
        }
    }

    @GetMapping("/console/practices/{practiceId}/exports/{exportId}")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(parameters = "exportId")
    String export(
            @PathVariable String practiceId,
            @PathVariable String exportId,
            @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        pages.practice(model, practiceId);
        var job = submissions.find(PracticeId.of(practiceId), ConsoleInput.id("exportId", exportId));
        model.addAttribute("export", job);
        model.addAttribute(
                "running", job.status().equals("QUEUED") || job.status().equals("RUNNING"));
        model.addAttribute("newKey", UUID.randomUUID().toString());
        // "now" for a form left without a time is when the page was drawn: a form sent twice is the same request
        model.addAttribute("drawnAt", clock.instant().toString());
        if (verify && job.status().equals("DONE")) {
            ExportJobs.Bundle bundle = jobs.bundle(PracticeId.of(practiceId), exportId);
            OfflineBundleVerifier.Result result;
            try (var content = bundle.content().get()) {
                result = checks.verify(content);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            model.addAttribute("check", result);
        }
        return "console/export";
    }

    /**
     * Records where a PDMP file stands with the state, as {@code POST .../pdmp-submission} does: the status, the
     * state's reference or reason, and when (a time in the practice's zone; when the page was drawn if left
     * empty, so that the form sent twice is one request).
     */
    @PostMapping("/console/practices/{practiceId}/exports/{exportId}/pdmp-submission")
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    String recordPdmpSubmission(
            @PathVariable String practiceId,
            @PathVariable String exportId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String at,
            @RequestParam(defaultValue = "") String drawnAt,
            @RequestParam String idempotencyKey,
            HttpServletRequest http,
            RedirectAttributes redirect) {
        ConsoleInput.id("exportId", exportId);
        String back = "redirect:/console/practices/" + practiceId + "/exports/" + exportId;
        WriteContext context = ConsoleInput.write(http, idempotencyKey, clock);
        PracticeView practice = pages.practice(PracticeId.of(practiceId));
        PdmpSubmissionStatus chosen =
                ConsoleInput.choice(PdmpSubmissionStatus.values(), status).orElse(null);
        Instant when;
        try {
            when = at.isBlank()
                    ? Instant.parse(drawnAt.strip())
                    : LocalDateTime.parse(at.strip())
                            .atZone(ZoneId.of(practice.timeZone()))
                            .toInstant();
        } catch (DateTimeParseException unreadable) {
            when = null;
        }
        if (chosen == null || when == null) {
            redirect.addFlashAttribute(
                    "error",
                    "Choose SUBMITTED, ACCEPTED or REJECTED and give the time as on the form (or leave it empty for"
                            + " now). Nothing was recorded.");
            return back;
        }
        RecordPdmpSubmissionRequest request = new RecordPdmpSubmissionRequest(
                chosen, ConsoleInput.blankToNull(reference), ConsoleInput.blankToNull(reason), when);
        Set<ConstraintViolation<RecordPdmpSubmissionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("error", ConsoleInput.describe(violations) + ". Nothing was recorded.");
            return back;
        }
        try {
            submissions.record(context, PracticeId.of(practiceId), exportId, request);
            redirect.addFlashAttribute("notice", "Recorded: " + chosen + ".");
        } catch (LedgerRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was recorded.");
        }
        return back;
    }

    @GetMapping("/console/practices/{practiceId}/exports/{exportId}/bundle")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(kind = AccessKind.EXPORT, parameters = "exportId")
    ResponseEntity<Resource> bundle(@PathVariable String practiceId, @PathVariable String exportId) {
        ExportJobs.Bundle bundle = jobs.bundle(PracticeId.of(practiceId), ConsoleInput.id("exportId", exportId));
        return bundle.download();
    }

    @GetMapping("/console/public-keys/{keyId}")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR, Role.ADMIN})
    ResponseEntity<String> publicKey(@PathVariable String keyId) {
        String pem = checks.publicKeyPem(keyId).orElseThrow(() -> new UnknownRecordException("key", keyId));
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(keyId + ".pub")
                                .build()
                                .toString())
                .body(pem);
    }
}
