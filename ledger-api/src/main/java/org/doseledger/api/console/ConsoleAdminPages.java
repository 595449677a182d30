package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.doseledger.api.apikey.ApiKeyResponses.IssuedApiKey;
import org.doseledger.api.practice.PracticeRegistration;
import org.doseledger.api.processing.ReadModelAdministration;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.AdminActionRequest;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.UnknownRecordException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages: practices registered, credentials issued, revoked, granted and withdrawn, console
 * accounts opened; and for the read models each processor's lag, segments, dead letters and last
 * reconciliation, with the two actions an administrator takes on one, a replay and a retry of its dead
 * letters. Each write carries its reason where the API's does, through the same application services.
 */
@Controller
@ConsolePage
class ConsoleAdminPages {

    private final ReadModelAdministration readModels;
    private final ConsoleModel pages;
    private final Clock clock;
    private final org.doseledger.api.apikey.CredentialAdministration credentials;
    private final ConsoleAccountRegistration accountsAdministration;
    private final PracticeRegistration registration;

    ConsoleAdminPages(
            ReadModelAdministration readModels,
            ConsoleModel pages,
            Clock clock,
            org.doseledger.api.apikey.CredentialAdministration credentials,
            ConsoleAccountRegistration accountsAdministration,
            PracticeRegistration registration) {
        this.registration = registration;
        this.credentials = credentials;
        this.accountsAdministration = accountsAdministration;
        this.readModels = readModels;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/console/admin/read-models")
    @AllowedRoles(Role.ADMIN)
    String readModels(Model model) {
        pages.signedIn(model);
        model.addAttribute("processors", readModels.statuses());
        model.addAttribute("newKey", UUID.randomUUID().toString());
        return "console/read-models";
    }

    @GetMapping("/console/admin/read-models/{name}")
    @AllowedRoles(Role.ADMIN)
    String readModel(@PathVariable String name, Model model) {
        pages.signedIn(model);
        model.addAttribute("processor", processor(name));
        model.addAttribute("deadLetters", readModels.deadLetters(name, 100));
        model.addAttribute("times", ConsoleTimes.of("UTC"));
        model.addAttribute("newKey", UUID.randomUUID().toString());
        return "console/read-model";
    }

    @PostMapping("/console/admin/read-models/{name}/replay")
    @AllowedRoles(Role.ADMIN)
    String replay(
            @PathVariable String name,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(name, reason, idempotencyKey, request, redirect, true);
    }

    @PostMapping("/console/admin/read-models/{name}/dead-letters/retry")
    @AllowedRoles(Role.ADMIN)
    String retry(
            @PathVariable String name,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(name, reason, idempotencyKey, request, redirect, false);
    }

    private String act(
            String name,
            String reason,
            String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect,
            boolean replay) {
        processor(name);
        String back = "redirect:/console/admin/read-models/" + name;
        String why = reason.strip();
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        if (why.isEmpty() || why.length() > 500) {
            redirect.addFlashAttribute("error", "Say why, in at most 500 characters. Nothing was done.");
            return back;
        }
        try {
            if (replay) {
                readModels.replay(context, name, new AdminActionRequest(why));
                redirect.addFlashAttribute(
                        "notice", "The replay of " + name + " started; it has caught up when its lag is 0.");
            } else {
                readModels.retryDeadLetters(context, name, new AdminActionRequest(why));
                redirect.addFlashAttribute("notice", "The dead letters of " + name + " were handled once more.");
            }
        } catch (LedgerRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was done.");
        }
        return back;
    }

    /**
     * Opens a console account from the credentials page. The answer is the page itself, not a redirect: the
     * first password and the TOTP secret are shown once and kept nowhere, not even in the session; the form sent
     * again (a reload) is the same write and shows neither.
     */
    @PostMapping("/console/admin/console-accounts")
    @AllowedRoles(Role.ADMIN)
    String openAccount(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String practiceId,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            Model model) {
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        pages.signedIn(model);
        String practice = ConsoleInput.optionalId("practiceId", practiceId);
        Role chosen = ConsoleInput.choice(Role.values(), role)
                .filter(candidate -> candidate != Role.PRACTICE_WRITER)
                .orElseThrow(() -> new org.doseledger.api.web.InvalidQueryException(
                        "role", "is COMPLIANCE_OFFICER, REGULATOR or ADMIN"));
        if (!username.matches(ConsoleAccountController.USERNAME)
                || name.isBlank()
                || name.length() > 200
                || !chosen.acceptsIssuingPractice(practice)) {
            model.addAttribute(
                    "error",
                    "A user name of lower-case letters, digits and . _ @ - (2 to 64), a printed name, and a practice"
                            + " for a compliance officer (none for an admin) are needed. Nothing was recorded.");
            return "console/account-opened";
        }
        try {
            ResponseEntity<Object> answer = accountsAdministration.open(
                    context,
                    username,
                    name.strip(),
                    chosen,
                    practice == null ? null : org.doseledger.core.shared.PracticeId.of(practice));
            if (answer.getBody() instanceof ConsoleAccountRegistration.CreatedConsoleAccount created) {
                model.addAttribute("account", created);
            } else {
                // a replay of the form: the account exists, its secrets are not shown again
                model.addAttribute("replayed", true);
            }
        } catch (LedgerRuleViolation refused) {
            model.addAttribute("error", refused.getMessage() + ". Nothing was recorded.");
        }
        return "console/account-opened";
    }

    /**
     * Issues an API key, for practice software above all, from the credentials page. Like an account, the answer
     * is the page itself: the secret is shown once and kept nowhere; a reload is the same write and shows none.
     */
    @PostMapping("/console/admin/api-keys")
    @AllowedRoles(Role.ADMIN)
    String issueKey(
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String practiceId,
            @RequestParam(defaultValue = "") String expiresOn,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            Model model) {
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        pages.signedIn(model);
        String practice = ConsoleInput.optionalId("practiceId", practiceId);
        Role chosen = ConsoleInput.choice(Role.values(), role).orElse(null);
        Instant expires = null;
        boolean expiryReadable = true;
        if (!expiresOn.isBlank()) {
            try {
                // the key works through the whole of its last day, in UTC
                expires = LocalDate.parse(expiresOn.strip())
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException unreadable) {
                expiryReadable = false;
            }
        }
        if (chosen == null
                || !chosen.acceptsIssuingPractice(practice)
                || label.isBlank()
                || label.length() > 200
                || !expiryReadable
                || (expires != null && !expires.isAfter(clock.instant()))) {
            model.addAttribute(
                    "error",
                    "A label (what uses the key, at most 200 characters), a role, a practice for practice software and"
                            + " compliance officers (none for an admin), and a last day in the future or none are"
                            + " needed. Nothing was issued.");
            return "console/key-issued";
        }
        try {
            ResponseEntity<Object> answer = credentials.issue(context, chosen, practice, label.strip(), expires);
            if (answer.getBody() instanceof IssuedApiKey issued && issued.apiKey() != null) {
                model.addAttribute("issued", issued);
                model.addAttribute("times", ConsoleTimes.of("UTC"));
            } else {
                model.addAttribute("replayed", true);
            }
        } catch (LedgerRuleViolation | UnknownRecordException refused) {
            model.addAttribute("error", refused.getMessage() + ". Nothing was issued.");
        }
        return "console/key-issued";
    }

    /** Registers a practice from the credentials page, checked as {@code POST /api/practices} checks its body. */
    @PostMapping("/console/admin/practices")
    @AllowedRoles(Role.ADMIN)
    String registerPractice(
            @RequestParam(defaultValue = "") String practiceId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String line1,
            @RequestParam(defaultValue = "") String line2,
            @RequestParam(defaultValue = "") String city,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String postalCode,
            @RequestParam(defaultValue = "") String deaNumber,
            @RequestParam(defaultValue = "") String deaRegistrationExpiresOn,
            @RequestParam(defaultValue = "") List<String> authorizedSchedules,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String contactName,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        List<String> problems = new ArrayList<>();
        LocalDate expires = null;
        try {
            expires = LocalDate.parse(deaRegistrationExpiresOn.strip());
        } catch (DateTimeParseException unreadable) {
            problems.add("deaRegistrationExpiresOn is not a date");
        }
        List<ControlledSchedule> schedules = new ArrayList<>();
        for (String schedule : authorizedSchedules) {
            if (schedule.isBlank()) {
                continue; // no box ticked: the request's own check says the list is empty
            }
            ConsoleInput.choice(ControlledSchedule.values(), schedule)
                    .ifPresentOrElse(
                            schedules::add, () -> problems.add("authorizedSchedules holds an unknown schedule"));
        }
        PracticeRegistration.Form form = new PracticeRegistration.Form(
                practiceId.strip(),
                name.strip(),
                line1.strip(),
                ConsoleInput.blankToNull(line2),
                city.strip(),
                state.strip(),
                postalCode.strip(),
                deaNumber.strip(),
                expires,
                schedules,
                timeZone.strip(),
                ConsoleInput.blankToNull(phone),
                ConsoleInput.blankToNull(contactName));
        if (problems.isEmpty()) {
            problems.addAll(registration.problems(form));
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", String.join("; ", problems) + ". Nothing was recorded.");
            return "redirect:/console";
        }
        try {
            registration.register(context, form);
            redirect.addFlashAttribute("notice", "Practice " + form.practiceId() + " is registered.");
        } catch (LedgerRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was recorded.");
        }
        return "redirect:/console";
    }

    @PostMapping("/console/admin/credentials/{keyId}/revocation")
    @AllowedRoles(Role.ADMIN)
    String revoke(
            @PathVariable String keyId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return credentialAction(keyId, reason, idempotencyKey, request, redirect, (context, why) -> {
            credentials.revoke(context, keyId, why);
            return "Credential " + keyId + " is revoked.";
        });
    }

    @PostMapping("/console/admin/credentials/{keyId}/practice-grants")
    @AllowedRoles(Role.ADMIN)
    String grant(
            @PathVariable String keyId,
            @RequestParam(defaultValue = "") String practiceId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String practice = ConsoleInput.id("practiceId", practiceId.strip());
        return credentialAction(keyId, reason, idempotencyKey, request, redirect, (context, why) -> {
            credentials.grant(context, keyId, practice, why);
            return "Credential " + keyId + " may now read " + practice + ".";
        });
    }

    @PostMapping("/console/admin/credentials/{keyId}/practice-grants/{practiceId}/withdrawal")
    @AllowedRoles(Role.ADMIN)
    String withdraw(
            @PathVariable String keyId,
            @PathVariable String practiceId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String practice = ConsoleInput.id("practiceId", practiceId);
        return credentialAction(keyId, reason, idempotencyKey, request, redirect, (context, why) -> {
            credentials.withdraw(context, keyId, practice, why);
            return "Credential " + keyId + " no longer reads " + practice + ".";
        });
    }

    /** One recorded action on a credential: what it did, in a sentence for the page. */
    private interface CredentialAction {
        String apply(WriteContext context, String reason);
    }

    private String credentialAction(
            String keyId,
            String reason,
            String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes redirect,
            CredentialAction action) {
        WriteContext context = ConsoleInput.write(request, idempotencyKey, clock);
        if (!keyId.matches("[0-9a-f]{16}")) {
            throw new org.doseledger.api.web.InvalidQueryException("keyId", "is 16 hexadecimal digits");
        }
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            redirect.addFlashAttribute("error", "Say why, in at most 1000 characters. Nothing was recorded.");
            return "redirect:/console";
        }
        try {
            redirect.addFlashAttribute("notice", action.apply(context, why));
        } catch (LedgerRuleViolation | UnknownRecordException refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was recorded.");
        }
        return "redirect:/console";
    }

    private Object processor(String name) {
        return readModels.statuses().stream()
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownRecordException("processor", name));
    }
}
