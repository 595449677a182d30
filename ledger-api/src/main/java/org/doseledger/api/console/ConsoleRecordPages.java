package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.audit.AuditTrailCsv;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.timeline.ClientTimelines;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.access.AccessLogFilter;
import org.doseledger.projections.access.AccessLogPage;
import org.doseledger.projections.access.FindAccessLogQuery;
import org.doseledger.projections.audit.AuditTrailFilter;
import org.doseledger.projections.audit.AuditTrailPage;
import org.doseledger.projections.audit.FindAuditTrailQuery;
import org.doseledger.projections.practice.PracticeView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Record pages: one client's timeline, the audit trail searched by filters (and downloaded as the same CSV
 * the API gives), and the access log. Dates are the practice's days; a filter left empty filters nothing.
 */
@Controller
@ConsolePage
class ConsoleRecordPages {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z]{1,64}");
    private static final int PAGE = 100;

    private final QueryGateway queries;
    private final ClientTimelines timelines;
    private final ConsoleModel pages;

    ConsoleRecordPages(QueryGateway queries, ClientTimelines timelines, ConsoleModel pages) {
        this.queries = queries;
        this.timelines = timelines;
        this.pages = pages;
    }

    @GetMapping("/console/practices/{practiceId}/clients/{clientId}")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(client = "clientId", parameters = "offset")
    String timeline(
            @PathVariable String practiceId,
            @PathVariable String clientId,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        pages.practice(model, practiceId);
        String client = ConsoleInput.id("clientId", clientId);
        model.addAttribute(
                "timeline",
                timelines.page(new ClientRef(PracticeId.of(practiceId), client), Math.max(0, offset), PAGE));
        return "console/timeline";
    }

    /** The audit form's fields, echoed back into the form and the CSV link; empty fields filter nothing. */
    record AuditSearch(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredTo,
            String eventType,
            String practitioner,
            String client,
            String location,
            String actor) {

        /** The search with its fields checked and trimmed; 400 naming the field that is wrong. */
        AuditSearch checked() {
            requireOrder(occurredFrom, occurredTo);
            String type = ConsoleInput.blankToNull(eventType);
            if (type != null && !EVENT_TYPE.matcher(type).matches()) {
                throw new InvalidQueryException("eventType", "is an event type's name, such as DoseDrawn");
            }
            return new AuditSearch(
                    occurredFrom,
                    occurredTo,
                    type,
                    ConsoleInput.optionalId("practitioner", practitioner),
                    ConsoleInput.optionalId("client", client),
                    ConsoleInput.optionalId("location", location),
                    ConsoleInput.optionalId("actor", actor));
        }

        Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("occurredFrom", occurredFrom);
            parameters.put("occurredTo", occurredTo);
            parameters.put("eventType", eventType);
            parameters.put("practitioner", practitioner);
            parameters.put("client", client);
            parameters.put("location", location);
            parameters.put("actor", actor);
            parameters.values().removeIf(java.util.Objects::isNull);
            return parameters;
        }
    }

    @GetMapping("/console/practices/{practiceId}/audit-trail")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(
            client = "client",
            parameters = {
                "occurredFrom",
                "occurredTo",
                "eventType",
                "practitioner",
                "location",
                "actor",
                "afterPosition"
            })
    String auditTrail(
            @PathVariable String practiceId,
            AuditSearch form,
            @RequestParam(defaultValue = "0") long afterPosition,
            Model model) {
        PracticeView practice = pages.practice(model, practiceId);
        AuditSearch search = form.checked();
        AuditTrailPage page = queries.query(
                        new FindAuditTrailQuery(
                                PracticeId.of(practiceId),
                                filter(search, ZoneId.of(practice.timeZone())),
                                Math.max(0, afterPosition),
                                PAGE),
                        ResponseTypes.instanceOf(AuditTrailPage.class))
                .join();
        model.addAttribute("search", search);
        model.addAttribute("parameters", search.parameters());
        model.addAttribute("page", page);
        return "console/audit-trail";
    }

    @GetMapping("/console/practices/{practiceId}/audit-trail.csv")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(
            client = "client",
            parameters = {"occurredFrom", "occurredTo", "eventType", "practitioner", "location", "actor"},
            kind = AccessKind.EXPORT)
    void auditTrailCsv(@PathVariable String practiceId, AuditSearch form, HttpServletResponse response)
            throws IOException {
        PracticeView practice = pages.practice(PracticeId.of(practiceId));
        AuditSearch search = form.checked();
        AuditTrailCsv.write(
                queries, PracticeId.of(practiceId), filter(search, ZoneId.of(practice.timeZone())), 0, response);
    }

    @GetMapping("/console/practices/{practiceId}/access-log")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.ADMIN})
    @ReadsClientData(
            client = "client",
            parameters = {"from", "to", "actor", "afterPosition"})
    String accessLog(
            @PathVariable String practiceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") long afterPosition,
            Model model) {
        PracticeView practice = pages.practice(model, practiceId);
        ZoneId zone = ZoneId.of(practice.timeZone());
        String clientId = ConsoleInput.optionalId("client", client);
        String actorId = ConsoleInput.optionalId("actor", actor);
        requireOrder(from, to);
        AccessLogPage page = queries.query(
                        new FindAccessLogQuery(
                                PracticeId.of(practiceId),
                                new AccessLogFilter(startOf(from, zone), endOf(to, zone), clientId, actorId),
                                Math.max(0, afterPosition),
                                PAGE),
                        ResponseTypes.instanceOf(AccessLogPage.class))
                .join();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("client", clientId);
        parameters.put("actor", actorId);
        parameters.values().removeIf(java.util.Objects::isNull);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("client", clientId);
        model.addAttribute("actor", actorId);
        model.addAttribute("parameters", parameters);
        model.addAttribute("page", page);
        return "console/access-log";
    }

    private static AuditTrailFilter filter(AuditSearch search, ZoneId zone) {
        return new AuditTrailFilter(
                startOf(search.occurredFrom(), zone),
                endOf(search.occurredTo(), zone),
                null,
                null,
                search.actor(),
                search.practitioner(),
                search.client(),
                null,
                search.location(),
                search.eventType() == null ? List.of() : List.of(search.eventType()),
                null);
    }

    private static void requireOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidQueryException("to", "the last day " + to + " is before the first " + from);
        }
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** The end of the last day asked for: the filters' upper bounds are exclusive. */
    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
