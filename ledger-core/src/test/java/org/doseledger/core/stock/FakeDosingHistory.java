package org.doseledger.core.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.doseledger.core.client.api.DosingHistory;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.shared.ClientRef;

/** A dosing history with at most one plan and one previous session; none by default. */
final class FakeDosingHistory implements DosingHistory {

    private TreatmentPlanTerms plan;
    private PastSession previous;
    private BigDecimal givenInSession = BigDecimal.ZERO;
    private boolean cleared = true;
    private BloodPressure clearanceLimit;
    private BloodPressure latestPressure;
    private BigDecimal weightKg;

    private final java.util.Map<String, java.util.List<String>> fills = new java.util.HashMap<>();

    /** An earlier take-home fill of a prescription number, for a client. */
    FakeDosingHistory filled(String prescriptionNumber, String clientId) {
        fills.computeIfAbsent(prescriptionNumber, number -> new java.util.ArrayList<>())
                .add(clientId);
        return this;
    }

    @Override
    public java.util.List<String> prescriptionFills(
            org.doseledger.core.shared.PracticeId practiceId, String prescriptionNumber) {
        return fills.getOrDefault(prescriptionNumber, java.util.List.of());
    }

    FakeDosingHistory weighing(String kilograms) {
        this.weightKg = new BigDecimal(kilograms);
        return this;
    }

    FakeDosingHistory bloodPressure(BloodPressure limit, BloodPressure latest) {
        this.clearanceLimit = limit;
        this.latestPressure = latest;
        return this;
    }

    FakeDosingHistory withoutClearance() {
        this.cleared = false;
        return this;
    }

    FakeDosingHistory plan(TreatmentPlanTerms terms) {
        this.plan = terms;
        return this;
    }

    FakeDosingHistory previous(PastSession session) {
        this.previous = session;
        return this;
    }

    FakeDosingHistory givenInSession(BigDecimal milligrams) {
        this.givenInSession = milligrams;
        return this;
    }

    @Override
    public Optional<TreatmentPlanTerms> activePlan(ClientRef client) {
        return Optional.ofNullable(plan);
    }

    @Override
    public BigDecimal givenInSession(ClientRef client, String sessionId) {
        return givenInSession;
    }

    @Override
    public boolean hasValidClearance(ClientRef client, Instant at) {
        return cleared;
    }

    @Override
    public Optional<BloodPressure> clearanceLimit(ClientRef client, Instant at) {
        return Optional.ofNullable(clearanceLimit);
    }

    @Override
    public Optional<BloodPressure> latestBloodPressure(ClientRef client, String sessionId, Instant at) {
        return Optional.ofNullable(latestPressure);
    }

    @Override
    public Optional<BigDecimal> weightKg(ClientRef client, Instant at) {
        return Optional.ofNullable(weightKg);
    }

    @Override
    public Optional<PastSession> previousSession(ClientRef client, String sessionId, Instant at) {
        return Optional.ofNullable(previous);
    }
}
