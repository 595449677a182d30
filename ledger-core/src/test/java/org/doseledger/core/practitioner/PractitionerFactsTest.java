package org.doseledger.core.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.doseledger.core.practitioner.api.PractitionerFacts;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.StockAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PractitionerFactsTest {

    @ParameterizedTest
    @EnumSource(
            value = StockAction.class,
            names = {"RECEIVE", "DRAW", "ADMINISTER", "WASTE", "DISPENSE", "TRANSFER", "RETURN", "DESTROY", "COUNT"})
    void aTherapistCannotHandleStock(StockAction action) {
        assertThat(active(PractitionerRole.THERAPIST).mayPerform(action)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = StockAction.class,
            names = {"RECEIVE", "DRAW", "ADMINISTER", "WASTE", "DISPENSE", "TRANSFER", "RETURN", "DESTROY", "COUNT"})
    void aMonitorCannotHandleStock(StockAction action) {
        assertThat(active(PractitionerRole.MONITOR).mayPerform(action)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = StockAction.class,
            names = {"WITNESS", "COSIGN"})
    void aTherapistOrMonitorCanWitnessAndCosign(StockAction action) {
        assertThat(active(PractitionerRole.THERAPIST).mayPerform(action)).isTrue();
        assertThat(active(PractitionerRole.MONITOR).mayPerform(action)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = StockAction.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"PRESCRIBE", "APPROVE"})
    void aNurseCanDoEverythingButPrescribeAndApprove(StockAction action) {
        assertThat(active(PractitionerRole.NURSE).mayPerform(action)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = StockAction.class,
            names = {"PRESCRIBE", "APPROVE"})
    void onlyAPrescriberWithADeaRegistrationPrescribesAndApproves(StockAction action) {
        assertThat(active(PractitionerRole.NURSE).mayPerform(action)).isFalse();
        assertThat(active(PractitionerRole.PRESCRIBER).mayPerform(action)).isFalse();
        assertThat(new PractitionerFacts("dr-bo", true, Set.of(PractitionerRole.PRESCRIBER), true).mayPerform(action))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(StockAction.class)
    void aPrescriberCanDoEverything(StockAction action) {
        assertThat(new PractitionerFacts("dr-bo", true, Set.of(PractitionerRole.PRESCRIBER), true).mayPerform(action))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = StockAction.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"PRESCRIBE", "APPROVE"})
    void aTherapistWhoIsAlsoANurseCanDoWhatANurseCan(StockAction action) {
        PractitionerFacts nurseTherapist = new PractitionerFacts(
                "nurse-ann", true, Set.of(PractitionerRole.THERAPIST, PractitionerRole.NURSE), false);

        assertThat(nurseTherapist.mayPerform(action)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(StockAction.class)
    void anInactivePractitionerCanDoNothing(StockAction action) {
        PractitionerFacts inactive = new PractitionerFacts(
                "dr-bo", false, Set.of(PractitionerRole.PRESCRIBER, PractitionerRole.NURSE), true);

        assertThat(inactive.mayPerform(action)).isFalse();
    }

    private static PractitionerFacts active(PractitionerRole role) {
        return new PractitionerFacts("p-1", true, Set.of(role), false);
    }
}
