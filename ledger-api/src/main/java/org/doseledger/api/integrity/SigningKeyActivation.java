package org.doseledger.api.integrity;

import java.util.Base64;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.core.integrity.api.ActivateSigningKeyCommand;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start, records in the ledger which key signs checkpoints, when it is not the one already recorded. */
@Component
class SigningKeyActivation {

    private final SigningKeys keys;
    private final CommandGateway commands;

    SigningKeyActivation(SigningKeys keys, CommandGateway commands) {
        this.keys = keys;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordActiveKey() {
        commands.sendAndWait(new ActivateSigningKeyCommand(
                keys.keyId(),
                SigningKeys.ALGORITHM,
                Base64.getEncoder().encodeToString(keys.publicKey().getEncoded())));
    }
}
