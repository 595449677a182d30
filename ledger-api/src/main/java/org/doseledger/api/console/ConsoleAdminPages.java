package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.doseledger.api.processing.ReadModelAdministration;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.AdminActionRequest;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.UnknownRecordException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages for the read models: each processor's lag, segments, dead letters and last
 * reconciliation, and the two actions an administrator takes on one, a replay and a retry of its dead
 * letters, each with a reason, as the processors endpoints take them.
 */
@Controller
@ConsolePage
class ConsoleAdminPages {

    private final ReadModelAdministration readModels;
    private final ConsoleModel pages;
    private final Clock clock;

    ConsoleAdminPages(ReadModelAdministration readModels, ConsoleModel pages, Clock clock) {
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

    private Object processor(String name) {
        return readModels.statuses().stream()
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownRecordException("processor", name));
    }
}
