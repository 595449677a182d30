package org.doseledger.core.integrity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.doseledger.core.integrity.api.ActivateSigningKeyCommand;
import org.doseledger.core.integrity.api.EndorseSigningKeyCommand;
import org.doseledger.core.integrity.api.IntegrityIds;
import org.doseledger.core.integrity.api.LedgerVerifiedEvent;
import org.doseledger.core.integrity.api.ReadModelDivergedEvent;
import org.doseledger.core.integrity.api.ReadModelRepairedEvent;
import org.doseledger.core.integrity.api.RecordReadModelReconciliationCommand;
import org.doseledger.core.integrity.api.RecordSealingStatusCommand;
import org.doseledger.core.integrity.api.RecordVerificationCommand;
import org.doseledger.core.integrity.api.SealingHaltedEvent;
import org.doseledger.core.integrity.api.SealingResumedEvent;
import org.doseledger.core.integrity.api.SigningKeyActivatedEvent;
import org.doseledger.core.integrity.api.SigningKeyEndorsedEvent;

/**
 * The ledger's own record of its integrity: which key signs its checkpoints (each rotation an event),
 * what each verification found, and when a read model was found to differ from the event log and when
 * it was consistent again.
 */
public class LedgerIntegrity {

    @AggregateIdentifier
    private String id;

    private String activeKeyId;

    /** Keys already endorsed, as "endorser key id > key id". */
    private final Set<String> endorsements = new HashSet<>();

    /** Read models last found to differ from the event log. */
    private final Set<String> divergedReadModels = new HashSet<>();

    private boolean sealingHalted;

    protected LedgerIntegrity() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ActivateSigningKeyCommand command, java.time.Clock clock) {
        if (command.keyId().equals(activeKeyId)) {
            return;
        }
        apply(new SigningKeyActivatedEvent(
                command.keyId(), command.algorithm(), command.publicKey(), activeKeyId, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EndorseSigningKeyCommand command, java.time.Clock clock) {
        if (endorsements.contains(command.endorserKeyId() + ">" + command.keyId())) {
            return;
        }
        apply(new SigningKeyEndorsedEvent(
                command.keyId(), command.publicKey(), command.endorserKeyId(), command.signature(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordVerificationCommand command) {
        apply(new LedgerVerifiedEvent(
                command.integrityOk(),
                command.completenessOk(),
                command.eventsChecked(),
                command.checkpointsChecked(),
                command.lastSealedIndex(),
                command.integrityFailure(),
                command.completenessFailure(),
                command.startedAt(),
                command.finishedAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordReadModelReconciliationCommand command) {
        boolean diverged = divergedReadModels.contains(command.processor());
        if (!command.consistent() && !diverged) {
            apply(new ReadModelDivergedEvent(
                    command.processor(),
                    command.reconciledUpTo(),
                    command.divergences(),
                    command.summary(),
                    command.occurredAt()));
        } else if (command.consistent() && diverged) {
            apply(new ReadModelRepairedEvent(command.processor(), command.reconciledUpTo(), command.occurredAt()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSealingStatusCommand command) {
        if (command.halted() && !sealingHalted) {
            apply(new SealingHaltedEvent(command.reason(), command.occurredAt()));
        } else if (!command.halted() && sealingHalted) {
            apply(new SealingResumedEvent(command.occurredAt()));
        }
    }

    @EventSourcingHandler
    void on(SealingHaltedEvent event) {
        id = IntegrityIds.AGGREGATE_ID;
        sealingHalted = true;
    }

    @EventSourcingHandler
    void on(SealingResumedEvent event) {
        id = IntegrityIds.AGGREGATE_ID;
        sealingHalted = false;
    }

    @EventSourcingHandler
    void on(ReadModelDivergedEvent event) {
        id = IntegrityIds.AGGREGATE_ID;
        divergedReadModels.add(event.processor());
    }

    @EventSourcingHandler
    void on(ReadModelRepairedEvent event) {
        id = IntegrityIds.AGGREGATE_ID;
        divergedReadModels.remove(event.processor());
    }

    @EventSourcingHandler
    void on(SigningKeyActivatedEvent event) {
        id = IntegrityIds.AGGREGATE_ID;
        activeKeyId = event.keyId();
    }

    @EventSourcingHandler
    void on(SigningKeyEndorsedEvent event) {
        id = IntegrityIds.AGGREGATE_ID;
        endorsements.add(event.endorserKeyId() + ">" + event.keyId());
    }

    @EventSourcingHandler
    void on(LedgerVerifiedEvent event) {
        id = IntegrityIds.AGGREGATE_ID;
    }
}
