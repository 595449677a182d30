package org.doseledger.api.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.consistency.DosingSessions;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.consistency.DoseDistributionView;
import org.doseledger.projections.consistency.DosingConsistencyView;
import org.doseledger.projections.consistency.FindDoseDistributionQuery;
import org.doseledger.projections.consistency.SessionDoseView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Dosing consistency as charts: one client's dose per session in mg and in mg/kg against the band of the plan
 * in force, the days between sessions and the share of each draw wasted, with the same figures in the table
 * beside; and the practice's doses per practitioner as box plots beside their quartiles, outliers marked. The data are the dosing-consistency report's, read through the same service.
 */
@Controller
@ConsolePage
class ConsoleDosingPages {

    private static final int SESSIONS = 500;

    private final DosingSessions sessions;
    private final QueryGateway queries;
    private final ConsoleModel pages;
    private final ObjectMapper json;
    private final Clock clock;

    ConsoleDosingPages(
            DosingSessions sessions, QueryGateway queries, ConsoleModel pages, ObjectMapper json, Clock clock) {
        this.sessions = sessions;
        this.queries = queries;
        this.pages = pages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/practices/{practiceId}/clients/{clientId}/doses")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(client = "clientId")
    String clientDoses(@PathVariable String practiceId, @PathVariable String clientId, Model model) {
        ConsoleInput.id("clientId", clientId);
        pages.practice(model, practiceId);
        DosingConsistencyView view = sessions.page(PracticeId.of(practiceId), clientId, null, null, null, 0, SESSIONS);
        model.addAttribute("clientId", clientId);
        model.addAttribute("sessions", view.sessions());
        model.addAttribute("total", view.total());
        model.addAttribute("chart", chart(view.sessions()));
        model.addAttribute(
                "withWeights", view.sessions().stream().anyMatch(session -> session.milligramsPerKilogram() != null));
        return "console/doses";
    }

    @GetMapping("/console/practices/{practiceId}/dosing")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(parameters = "days")
    String distribution(@PathVariable String practiceId, @RequestParam(defaultValue = "90") int days, Model model) {
        if (days < 1 || days > 3660) {
            throw new InvalidQueryException("days", "is a number of days from 1 to 3660");
        }
        pages.practice(model, practiceId);
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        model.addAttribute("days", days);
        DoseDistributionView distribution = queries.query(
                        new FindDoseDistributionQuery(PracticeId.of(practiceId), from, to),
                        ResponseTypes.instanceOf(DoseDistributionView.class))
                .join();
        model.addAttribute("distribution", distribution);
        model.addAttribute(
                "plots", distribution.groups().stream().map(ConsoleBoxPlot::of).toList());
        return "console/dosing";
    }

    /**
     * The series the page's script draws (uPlot's columns): times in epoch seconds, administered mg and mg/kg,
     * and the plan band on the basis the plan doses in (null where no plan of that basis was in force).
     */
    private String chart(List<SessionDoseView> sessions) {
        List<Long> times = new ArrayList<>();
        List<BigDecimal> mg = new ArrayList<>();
        List<BigDecimal> mgPerKg = new ArrayList<>();
        List<BigDecimal> mgMin = new ArrayList<>();
        List<BigDecimal> mgMax = new ArrayList<>();
        List<BigDecimal> kgMin = new ArrayList<>();
        List<BigDecimal> kgMax = new ArrayList<>();
        List<BigDecimal> intervalDays = new ArrayList<>();
        List<BigDecimal> waste = new ArrayList<>();
        for (SessionDoseView session : sessions) {
            if (session.administeredMilligrams() == null) {
                continue;
            }
            times.add(session.at().getEpochSecond());
            mg.add(session.administeredMilligrams());
            mgPerKg.add(session.milligramsPerKilogram());
            boolean perKg =
                    session.plan() != null && "MG_PER_KG".equals(session.plan().doseBasis());
            boolean perDose =
                    session.plan() != null && "MG".equals(session.plan().doseBasis());
            mgMin.add(perDose ? session.plan().minDose() : null);
            mgMax.add(perDose ? session.plan().maxDose() : null);
            kgMin.add(perKg ? session.plan().minDose() : null);
            kgMax.add(perKg ? session.plan().maxDose() : null);
            intervalDays.add(
                    session.intervalFromPrevious() == null
                            ? null
                            : BigDecimal.valueOf(session.intervalFromPrevious().toMinutes())
                                    .divide(BigDecimal.valueOf(24 * 60), 1, java.math.RoundingMode.HALF_UP));
            waste.add(session.wasteShare());
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("t", times);
        series.put("mg", mg);
        series.put("mgMin", mgMin);
        series.put("mgMax", mgMax);
        series.put("mgPerKg", mgPerKg);
        series.put("mgPerKgMin", kgMin);
        series.put("mgPerKgMax", kgMax);
        series.put("intervalDays", intervalDays);
        series.put("wasteShare", waste);
        try {
            // the page embeds it in a JSON data block: '<' is escaped so no text can close the block
            return json.writeValueAsString(series).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart series are plain numbers", e);
        }
    }
}
