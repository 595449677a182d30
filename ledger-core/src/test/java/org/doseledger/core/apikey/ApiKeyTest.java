package org.doseledger.core.apikey;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.apikey.api.ApiKeyAlreadyRevokedException;
import org.doseledger.core.apikey.api.ApiKeyIssuedEvent;
import org.doseledger.core.apikey.api.ApiKeyRevokedEvent;
import org.doseledger.core.apikey.api.ApiKeyScopeException;
import org.doseledger.core.apikey.api.GrantPracticeAccessCommand;
import org.doseledger.core.apikey.api.IssueApiKeyCommand;
import org.doseledger.core.apikey.api.PracticeAccessGrantedEvent;
import org.doseledger.core.apikey.api.PracticeAccessWithdrawnEvent;
import org.doseledger.core.apikey.api.PracticeGrantException;
import org.doseledger.core.apikey.api.RevokeApiKeyCommand;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.apikey.api.WithdrawPracticeAccessCommand;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final PracticeId OTHER_PRACTICE = PracticeId.of("clinic-2");
    private static final Instant GRANTED_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final String SECRET_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant ISSUED_AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2027-11-02T15:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2027-01-10T08:00:00Z");

    private FixtureConfiguration<ApiKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKey.class);
    }

    @Test
    void canIssueAPracticeScopedKey() {
        fixture.givenNoPriorActivity()
                .when(issue(Role.PRACTICE_WRITER, PRACTICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued(Role.PRACTICE_WRITER, PRACTICE));
    }

    @Test
    void canIssueAnAdminKeyWithoutAPractice() {
        fixture.givenNoPriorActivity()
                .when(issue(Role.ADMIN, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued(Role.ADMIN, null));
    }

    @Test
    void practiceScopedRoleNeedsAPractice() {
        fixture.givenNoPriorActivity()
                .when(issue(Role.COMPLIANCE_OFFICER, null))
                .expectNoEvents()
                .expectException(ApiKeyScopeException.class);
    }

    @Test
    void adminKeyHasNoPractice() {
        fixture.givenNoPriorActivity()
                .when(issue(Role.ADMIN, PRACTICE))
                .expectNoEvents()
                .expectException(ApiKeyScopeException.class);
    }

    @Test
    void canRevokeAKey() {
        fixture.given(issued(Role.PRACTICE_WRITER, PRACTICE))
                .when(new RevokeApiKeyCommand("key-1", REVOKED_AT, "laptop stolen"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiKeyRevokedEvent("key-1", REVOKED_AT, "laptop stolen"));
    }

    @Test
    void cannotRevokeARevokedKey() {
        fixture.given(
                        issued(Role.PRACTICE_WRITER, PRACTICE),
                        new ApiKeyRevokedEvent("key-1", REVOKED_AT, "laptop stolen"))
                .when(new RevokeApiKeyCommand("key-1", REVOKED_AT.plusSeconds(3600), "rotated"))
                .expectNoEvents()
                .expectException(ApiKeyAlreadyRevokedException.class)
                .expectExceptionMessage("API key key-1 was already revoked at 2027-01-10T08:00:00Z");
    }

    @Test
    void aRegulatorKeyMayStartWithoutAPractice() {
        fixture.givenNoPriorActivity()
                .when(issue(Role.REGULATOR, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued(Role.REGULATOR, null));
    }

    @Test
    void aRegulatorKeyIsGrantedPracticesOneByOne() {
        fixture.given(issued(Role.REGULATOR, PRACTICE))
                .when(new GrantPracticeAccessCommand("key-1", OTHER_PRACTICE, "subpoena 2026-118", GRANTED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PracticeAccessGrantedEvent("key-1", OTHER_PRACTICE, "subpoena 2026-118", GRANTED_AT));
    }

    @Test
    void aPracticeIsGrantedOnce() {
        fixture.given(issued(Role.REGULATOR, PRACTICE))
                .when(new GrantPracticeAccessCommand("key-1", PRACTICE, "again", GRANTED_AT))
                .expectNoEvents()
                .expectException(PracticeGrantException.class)
                .expectExceptionMessage("API key key-1 already has access to practice clinic-1");
    }

    @Test
    void onlyRegulatorKeysAreGrantedPractices() {
        fixture.given(issued(Role.COMPLIANCE_OFFICER, PRACTICE))
                .when(new GrantPracticeAccessCommand("key-1", OTHER_PRACTICE, "audit", GRANTED_AT))
                .expectNoEvents()
                .expectException(PracticeGrantException.class)
                .expectExceptionMessage(
                        "API key key-1 is a COMPLIANCE_OFFICER key; only REGULATOR keys are granted practices");
    }

    @Test
    void aRevokedKeyIsGrantedNothing() {
        fixture.given(issued(Role.REGULATOR, PRACTICE), new ApiKeyRevokedEvent("key-1", REVOKED_AT, "case closed"))
                .when(new GrantPracticeAccessCommand("key-1", OTHER_PRACTICE, "audit", REVOKED_AT.plusSeconds(60)))
                .expectNoEvents()
                .expectException(ApiKeyAlreadyRevokedException.class);
    }

    @Test
    void aGrantIsWithdrawnAndCanBeGivenAgain() {
        fixture.given(
                        issued(Role.REGULATOR, PRACTICE),
                        new PracticeAccessWithdrawnEvent("key-1", PRACTICE, "case closed", GRANTED_AT))
                .when(new GrantPracticeAccessCommand("key-1", PRACTICE, "case reopened", GRANTED_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new PracticeAccessGrantedEvent("key-1", PRACTICE, "case reopened", GRANTED_AT.plusSeconds(60)));
    }

    @Test
    void onlyAGrantedPracticeIsWithdrawn() {
        fixture.given(issued(Role.REGULATOR, PRACTICE))
                .when(new WithdrawPracticeAccessCommand("key-1", OTHER_PRACTICE, "case closed", GRANTED_AT))
                .expectNoEvents()
                .expectException(PracticeGrantException.class)
                .expectExceptionMessage("API key key-1 has no access to practice clinic-2");
    }

    private static IssueApiKeyCommand issue(Role role, PracticeId practiceId) {
        return new IssueApiKeyCommand("key-1", role, practiceId, "front desk", SECRET_SHA256, EXPIRES_AT, ISSUED_AT);
    }

    private static ApiKeyIssuedEvent issued(Role role, PracticeId practiceId) {
        return new ApiKeyIssuedEvent("key-1", role, practiceId, "front desk", SECRET_SHA256, EXPIRES_AT, ISSUED_AT);
    }
}
