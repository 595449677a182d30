package org.doseledger.api.integrity;

import java.util.Base64;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.api.ActivateSigningKeyCommand;
import org.doseledger.core.integrity.api.EndorseSigningKeyCommand;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, records in the ledger which key signs checkpoints, when it is not the one already recorded, and at a
 * rotation the previous key's endorsement of it.
 * Replicas starting together race to record it: the loser of the race tries again, and then finds the
 * key already recorded (or records its own after it), instead of failing its start.
 */
@Component
class SigningKeyActivation {

    static final int ATTEMPTS = 5;

    private final SigningKeys keys;
    private final CommandGateway commands;

    SigningKeyActivation(SigningKeys keys, CommandGateway commands) {
        this.keys = keys;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordActiveKey() {
        // the endorsement first: a verifier that pins the previous key trusts the new one only through it
        keys.endorsementOfActiveKey()
                .ifPresent(endorsement -> send(new EndorseSigningKeyCommand(
                        endorsement.keyId(),
                        Base64.getEncoder().encodeToString(endorsement.publicKey()),
                        endorsement.endorserKeyId(),
                        Base64.getEncoder().encodeToString(endorsement.signature()))));
        send(new ActivateSigningKeyCommand(
                keys.keyId(),
                Ed25519Keys.ALGORITHM,
                Base64.getEncoder().encodeToString(keys.publicKey().getEncoded())));
    }

    private void send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
