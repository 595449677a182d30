package org.doseledger.core.stock;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.practice.api.HistoryImport;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.shared.PracticeId;

/** In-memory practices with their time zones. */
class FakePractices implements Practices {

    private final Map<PracticeId, ZoneId> zones = new HashMap<>();
    private final Map<PracticeId, String> deaNumbers = new HashMap<>();
    private PracticePolicies policies = PracticePolicies.DEFAULTS;
    private final Map<String, HistoryImport> imports = new HashMap<>();

    FakePractices historyImport(HistoryImport historyImport) {
        imports.put(historyImport.importId(), historyImport);
        return this;
    }

    @Override
    public Optional<HistoryImport> historyImport(PracticeId practiceId, String importId) {
        return Optional.ofNullable(imports.get(importId));
    }

    FakePractices deaNumber(PracticeId practiceId, String deaNumber) {
        deaNumbers.put(practiceId, deaNumber);
        return this;
    }

    @Override
    public Optional<String> deaNumber(PracticeId practiceId) {
        return Optional.ofNullable(deaNumbers.get(practiceId));
    }

    FakePractices policies(PracticePolicies policies) {
        this.policies = policies;
        return this;
    }

    @Override
    public PracticePolicies policies(PracticeId practiceId) {
        return policies;
    }

    FakePractices with(PracticeId practiceId, ZoneId zone) {
        zones.put(practiceId, zone);
        return this;
    }

    @Override
    public Optional<ZoneId> timeZone(PracticeId practiceId) {
        return Optional.ofNullable(zones.get(practiceId));
    }
}
