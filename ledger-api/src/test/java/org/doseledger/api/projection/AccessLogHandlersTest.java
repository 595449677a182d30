package org.doseledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doseledger.api.support.ProjectionHarness;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.access.api.AccessLogReviewedEvent;
import org.doseledger.core.access.api.ClientDataAccessedEvent;
import org.doseledger.core.access.api.PurposeOfUse;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.access.AccessLogEntryView;
import org.doseledger.projections.access.AccessLogFilter;
import org.doseledger.projections.access.AccessLogProjection;
import org.doseledger.projections.access.FindAccessLogQuery;
import org.doseledger.projections.compliance.ComplianceExceptionView;
import org.doseledger.projections.compliance.ComplianceExceptionsProjection;
import org.doseledger.projections.compliance.ExceptionStatus;
import org.doseledger.projections.compliance.FindComplianceExceptionsQuery;
import org.junit.jupiter.api.Test;

/** The access-log handlers, and the overdue reviews the exceptions queue computes from them. */
class AccessLogHandlersTest {

    static final PracticeId PRACTICE = PracticeId.of("springfield");
    static final String TIMELINE = "GET /api/practices/{practiceId}/clients/{clientId}/timeline";

    final ProjectionHarness harness = ProjectionHarness.of(AccessLogProjection::new);
    final AccessLogProjection log = new AccessLogProjection(harness.jdbc, ProjectionHarness.JSON);
    final ComplianceExceptionsProjection exceptions =
            new ComplianceExceptionsProjection(harness.jdbc, ProjectionHarness.JSON);

    static ClientDataAccessedEvent read(String accessId, PracticeId practice, String clientId, String at) {
        return new ClientDataAccessedEvent(
                practice,
                accessId,
                "key-7",
                Role.COMPLIANCE_OFFICER,
                clientId,
                AccessKind.READ,
                TIMELINE,
                Map.of("limit", "50"),
                PurposeOfUse.AUDIT,
                Instant.parse(at));
    }

    static AccessLogReviewedEvent reviewed(String from, String to) {
        return new AccessLogReviewedEvent(
                PRACTICE,
                "r-" + from,
                Instant.parse(from),
                Instant.parse(to),
                "J. Doe",
                "key-9",
                null,
                Instant.parse(to));
    }

    @Test
    void anAccessIsStoredOnceAndFoundByClientAndCredential() {
        harness.deliver(3, read("a-1", PRACTICE, "c-1", "2026-11-20T15:30:00Z"));
        harness.deliver(3, read("a-1", PRACTICE, "c-1", "2026-11-20T15:30:00Z"));
        harness.deliver(4, read("a-2", PracticeId.of("shelbyville"), "c-9", "2026-11-20T15:31:00Z"));
        harness.deliver(5, read("a-3", null, null, "2026-11-20T15:32:00Z"));

        List<AccessLogEntryView> entries = log.handle(
                        new FindAccessLogQuery(PRACTICE, AccessLogFilter.everything(), 0, 100))
                .entries();

        assertThat(entries).extracting(AccessLogEntryView::accessId).containsExactly("a-1", "a-3");
        AccessLogEntryView first = entries.get(0);
        assertThat(first.clientId()).isEqualTo("c-1");
        assertThat(first.credentialId()).isEqualTo("key-7");
        assertThat(first.endpoint()).isEqualTo(TIMELINE);
        assertThat(first.parameters()).isEqualTo(Map.of("limit", "50"));
        assertThat(first.requestId()).isEqualTo("request-3");
        assertThat(first.practiceWide()).isTrue();
        assertThat(entries.get(1).practiceWide()).as("a ledger-wide export").isFalse();
        assertThat(log.handle(new FindAccessLogQuery(PRACTICE, new AccessLogFilter(null, null, "c-1", null), 0, 100))
                        .entries())
                .hasSize(1);
        assertThat(log.handle(new FindAccessLogQuery(PRACTICE, new AccessLogFilter(null, null, null, "nobody"), 0, 1))
                        .entries())
                .isEmpty();
        assertThat(log.handle(new FindAccessLogQuery(PRACTICE, AccessLogFilter.everything(), 0, 1))
                        .nextAfterPosition())
                .isEqualTo(3L);
    }

    @Test
    void periodsNobodyReviewedWithinThePolicyAreOverdue() {
        practice(30);
        harness.deliver(1, read("a-1", PRACTICE, "c-1", "2026-06-01T10:00:00Z"));
        harness.deliver(2, reviewed("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z"));
        harness.deliver(3, reviewed("2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z"));

        List<ComplianceExceptionView> overdue = overdue(LocalDate.parse("2026-11-20"));

        assertThat(overdue)
                .extracting(ComplianceExceptionView::exceptionId)
                .containsExactly(
                        "ACCESS_LOG_REVIEW_OVERDUE:20260701T000000Z", "ACCESS_LOG_REVIEW_OVERDUE:20260901T000000Z");
        assertThat(overdue.get(0).summary())
                .isEqualTo("Access log from 2026-07-01 00:00 UTC to 2026-08-01 00:00 UTC not reviewed within 30 days");
        assertThat(overdue.get(0).dueOn()).isEqualTo(LocalDate.parse("2026-07-31"));
        assertThat(overdue.get(1).summary()).contains("to 2026-10-21 00:00 UTC");
    }

    @Test
    void aPeriodYoungerThanThePolicyIsNotYetDue() {
        practice(30);
        harness.deliver(1, read("a-1", PRACTICE, "c-1", "2026-11-01T10:00:00Z"));

        assertThat(overdue(LocalDate.parse("2026-11-20"))).isEmpty();
        assertThat(overdue(LocalDate.parse("2026-12-02")))
                .extracting(ComplianceExceptionView::exceptionId)
                .containsExactly("ACCESS_LOG_REVIEW_OVERDUE:20261101T100000Z");
    }

    @Test
    void noAccessesOrNoPolicyMeanNothingToReview() {
        practice(30);
        assertThat(overdue(LocalDate.parse("2026-11-20"))).isEmpty();

        harness.jdbc.update("update practice_registry set access_log_review_days = 0");
        harness.deliver(1, read("a-1", PRACTICE, "c-1", "2026-01-01T10:00:00Z"));
        assertThat(overdue(LocalDate.parse("2026-11-20"))).isEmpty();
    }

    @Test
    void resetEmptiesTheLog() {
        harness.deliver(1, read("a-1", PRACTICE, "c-1", "2026-06-01T10:00:00Z"));
        harness.deliver(2, reviewed("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z"));

        harness.reset();

        assertThat(harness.rows("select * from access_log")).isEmpty();
        assertThat(harness.rows("select * from access_log_review")).isEmpty();
    }

    private void practice(int reviewDays) {
        harness.jdbc.update("""
                insert into practice_registry (practice_id, name, address, dea_number, dea_registration_expires_on,
                                               authorized_schedules, time_zone, registered_at, recorded_at,
                                               access_log_review_days)
                values ('springfield', 'Springfield Ketamine Clinic', '{}', 'AB1234563', '2028-01-01', '[]',
                        'America/Chicago', now(), now(), ?)
                """, reviewDays);
    }

    private List<ComplianceExceptionView> overdue(LocalDate asOf) {
        return exceptions
                .handle(new FindComplianceExceptionsQuery(
                        PRACTICE,
                        asOf,
                        Set.of(ExceptionStatus.OPEN),
                        Set.of(ExceptionKind.ACCESS_LOG_REVIEW_OVERDUE),
                        0,
                        100))
                .exceptions();
    }
}
