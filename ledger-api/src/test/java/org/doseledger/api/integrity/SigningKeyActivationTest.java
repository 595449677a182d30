package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.KeyPairGenerator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/**
 * Three replicas starting on one database raced to record the signing key, and the loser's start failed
 * with a ConcurrencyException (found by the network-fault suite): the loser now tries again.
 */
class SigningKeyActivationTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final SigningKeys keys = mock(SigningKeys.class);

    SigningKeyActivationTest() throws Exception {
        when(keys.keyId()).thenReturn("key-1");
        when(keys.publicKey())
                .thenReturn(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic());
    }

    @Test
    void aReplicaThatLosesTheRaceToRecordTheKeyTriesAgainInsteadOfFailingItsStart() {
        when(commands.sendAndWait(any()))
                .thenThrow(new ConcurrencyException("another replica appended first"))
                .thenThrow(new AggregateStreamCreationException("another replica created the stream"))
                .thenReturn(null);

        new SigningKeyActivation(keys, commands).recordActiveKey();

        verify(commands, times(3)).sendAndWait(any());
    }

    @Test
    void aRaceThatNeverEndsStillFailsTheStart() {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("always behind"));

        assertThatThrownBy(() -> new SigningKeyActivation(keys, commands).recordActiveKey())
                .isInstanceOf(ConcurrencyException.class);
        verify(commands, times(SigningKeyActivation.ATTEMPTS)).sendAndWait(any());
        assertThat(SigningKeyActivation.ATTEMPTS).isGreaterThan(1);
    }
}
