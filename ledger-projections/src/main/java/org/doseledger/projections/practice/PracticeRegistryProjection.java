package org.doseledger.projections.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.practice.api.HistoryImport;
import org.doseledger.core.practice.api.HistoryImportClosedEvent;
import org.doseledger.core.practice.api.HistoryImportOpenedEvent;
import org.doseledger.core.practice.api.PracticeContactRecordedEvent;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.PracticePoliciesSetEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.support.EventRecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The practices known to the ledger. A subscribing processor keeps this table in the same transaction
 * as the events, so commands that must name an existing practice (issuing a key) can rely on it.
 */
@ProcessingGroup(PracticeRegistryProjection.PROCESSING_GROUP)
public class PracticeRegistryProjection implements Practices {

    public static final String PROCESSING_GROUP = "practice-registry";

    private static final TypeReference<List<ControlledSchedule>> SCHEDULES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PracticeRegistryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PracticeRegisteredEvent event, EventMessage<?> message) throws JsonProcessingException {
        jdbc.update(
                """
                insert into practice_registry (practice_id, name, address, dea_number, dea_registration_expires_on,
                                               authorized_schedules, time_zone, registered_at, recorded_at, phone,
                                               contact_name)
                values (?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict (practice_id) do nothing
                """,
                event.practiceId().value(),
                event.name(),
                json.writeValueAsString(event.address()),
                event.deaNumber(),
                event.deaRegistrationExpiresOn(),
                json.writeValueAsString(event.authorizedSchedules()),
                event.timeZone(),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(EventRecordedTime.of(message)),
                event.phone(),
                event.contactName());
    }

    @QueryHandler
    public Optional<PracticeView> handle(FindPracticeQuery query) {
        return jdbc
                .query(
                        "select * from practice_registry where practice_id = ?",
                        this::toView,
                        query.practiceId().value())
                .stream()
                .findFirst();
    }

    @EventHandler
    void on(PracticeContactRecordedEvent event) {
        jdbc.update(
                "update practice_registry set phone = ?, contact_name = ? where practice_id = ?",
                event.phone(),
                event.contactName(),
                event.practiceId().value());
    }

    @EventHandler
    void on(PracticePoliciesSetEvent event) {
        jdbc.update(
                """
                update practice_registry set require_medical_clearance = ?, dose_increase_limit_percent = ?,
                                             late_entry_window_hours = ?, consent_validity_days = ?,
                                             require_witnessed_draws = ?, access_log_review_days = ?,
                                             require_treatment_plan = ?,
                                             nurses_may_dispense_take_home = ?
                where practice_id = ?
                """,
                event.policies().requireMedicalClearance(),
                event.policies().doseIncreaseLimitPercent(),
                event.policies().lateEntryWindowHours(),
                event.policies().consentValidityDays(),
                event.policies().requireWitnessedDraws(),
                event.policies().accessLogReviewDays(),
                event.policies().requireTreatmentPlan(),
                event.policies().nursesMayDispenseTakeHome(),
                event.practiceId().value());
    }

    @Override
    public PracticePolicies policies(PracticeId practiceId) {
        return jdbc
                .query(
                        """
                        select require_medical_clearance, dose_increase_limit_percent, late_entry_window_hours,
                               consent_validity_days, require_witnessed_draws, access_log_review_days,
                               require_treatment_plan,
                               nurses_may_dispense_take_home
                        from practice_registry where practice_id = ?
                        """,
                        (rs, row) -> new PracticePolicies(
                                rs.getBoolean(1),
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getBoolean(5),
                                rs.getInt(6),
                                rs.getBoolean(7),
                                rs.getBoolean(8)),
                        practiceId.value())
                .stream()
                .findFirst()
                .orElse(PracticePolicies.DEFAULTS);
    }

    @Override
    public Optional<String> deaNumber(PracticeId practiceId) {
        return jdbc
                .queryForList(
                        "select dea_number from practice_registry where practice_id = ?",
                        String.class,
                        practiceId.value())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<PostalAddress> address(PracticeId practiceId) {
        return jdbc
                .queryForList(
                        "select address::text from practice_registry where practice_id = ?",
                        String.class,
                        practiceId.value())
                .stream()
                .findFirst()
                .map(text -> {
                    try {
                        return json.readValue(text, PostalAddress.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable address of practice " + practiceId, e);
                    }
                });
    }

    @Override
    public Optional<PracticeId> holderOf(String deaNumber) {
        return jdbc
                .queryForList(
                        "select practice_id from practice_registry where dea_number = ? order by registered_at limit 1",
                        String.class,
                        deaNumber)
                .stream()
                .findFirst()
                .map(PracticeId::of);
    }

    @EventHandler
    void on(HistoryImportOpenedEvent event) {
        jdbc.update(
                """
                insert into history_import (practice_id, import_id, source_document, covers_from, covers_to,
                                            attested_by, opened_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.importId(),
                event.sourceDocument(),
                event.coversFrom(),
                event.coversTo(),
                event.attestedBy(),
                java.sql.Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(HistoryImportClosedEvent event) {
        jdbc.update(
                "update history_import set closed_at = ? where practice_id = ? and import_id = ?",
                java.sql.Timestamp.from(event.occurredAt()),
                event.practiceId().value(),
                event.importId());
    }

    @Override
    public Optional<HistoryImport> historyImport(PracticeId practiceId, String importId) {
        return jdbc
                .query(
                        "select * from history_import where practice_id = ? and import_id = ?",
                        (rs, row) -> new HistoryImport(
                                rs.getString("import_id"),
                                rs.getString("source_document"),
                                rs.getObject("covers_from", java.time.LocalDate.class),
                                rs.getObject("covers_to", java.time.LocalDate.class),
                                rs.getString("attested_by"),
                                rs.getTimestamp("opened_at").toInstant(),
                                rs.getTimestamp("closed_at") == null
                                        ? null
                                        : rs.getTimestamp("closed_at").toInstant()),
                        practiceId.value(),
                        importId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<ZoneId> timeZone(PracticeId practiceId) {
        return jdbc
                .queryForList(
                        "select time_zone from practice_registry where practice_id = ?",
                        String.class,
                        practiceId.value())
                .stream()
                .findFirst()
                .map(ZoneId::of);
    }

    private PracticeView toView(ResultSet rs, int row) throws SQLException {
        try {
            return new PracticeView(
                    rs.getString("practice_id"),
                    rs.getString("name"),
                    json.readValue(rs.getString("address"), PostalAddress.class),
                    rs.getString("dea_number"),
                    rs.getObject("dea_registration_expires_on", java.time.LocalDate.class),
                    json.readValue(rs.getString("authorized_schedules"), SCHEDULES),
                    rs.getString("time_zone"),
                    new PracticePolicies(
                            rs.getBoolean("require_medical_clearance"),
                            rs.getInt("dose_increase_limit_percent"),
                            rs.getInt("late_entry_window_hours"),
                            rs.getInt("consent_validity_days"),
                            rs.getBoolean("require_witnessed_draws"),
                            rs.getInt("access_log_review_days"),
                            rs.getBoolean("require_treatment_plan"),
                            rs.getBoolean("nurses_may_dispense_take_home")),
                    rs.getTimestamp("registered_at").toInstant(),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("phone"),
                    rs.getString("contact_name"));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable practice row " + rs.getString("practice_id"), e);
        }
    }
}
