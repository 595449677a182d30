package org.doseledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.projections.personaldata.PersonalDataCrypto;
import org.doseledger.projections.personaldata.UnreadablePersonalDataException;
import org.junit.jupiter.api.Test;

class PersonalDataCryptoTest {

    private static final ClientRef ADA = new ClientRef(PracticeId.of("springfield"), "c-1001");
    private static final ClientRef BOB = new ClientRef(PracticeId.of("springfield"), "c-1002");
    private static final byte[] NAME = "{\"family\":\"Lovelace\",\"given\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);

    private final SecretKey dataKey = PersonalDataCrypto.newKey();

    @Test
    void aSealedItemOpensWithItsKeyClientAndField() {
        SealedPersonalData sealed = PersonalDataCrypto.seal(dataKey, "key-1", ADA, "legalName", NAME);

        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Lovelace");
        assertThat(PersonalDataCrypto.open(dataKey, ADA, "legalName", sealed)).isEqualTo(NAME);
    }

    @Test
    void sealingTheSameItemTwiceGivesDifferentCiphertexts() {
        assertThat(PersonalDataCrypto.seal(dataKey, "key-1", ADA, "legalName", NAME))
                .isNotEqualTo(PersonalDataCrypto.seal(dataKey, "key-1", ADA, "legalName", NAME));
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SealedPersonalData sealed = PersonalDataCrypto.seal(dataKey, "key-1", ADA, "legalName", NAME);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[3] ^= 0x01;
        SealedPersonalData tampered = new SealedPersonalData(
                sealed.keyId(), sealed.nonce(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> PersonalDataCrypto.open(dataKey, ADA, "legalName", tampered))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void anItemMovedToAnotherClientDoesNotOpen() {
        SealedPersonalData sealed = PersonalDataCrypto.seal(dataKey, "key-1", ADA, "legalName", NAME);

        assertThatThrownBy(() -> PersonalDataCrypto.open(dataKey, BOB, "legalName", sealed))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void anItemMovedToAnotherFieldOrKeyIdDoesNotOpen() {
        SealedPersonalData sealed = PersonalDataCrypto.seal(dataKey, "key-1", ADA, "legalName", NAME);
        SealedPersonalData relabelled = new SealedPersonalData("key-2", sealed.nonce(), sealed.ciphertext());

        assertThatThrownBy(() -> PersonalDataCrypto.open(dataKey, ADA, "address", sealed))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> PersonalDataCrypto.open(dataKey, ADA, "legalName", relabelled))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aWrappedKeyUnwrapsOnlyWithItsMasterKeyAndClient() {
        SecretKey master = PersonalDataCrypto.newKey();
        byte[] wrapped = PersonalDataCrypto.wrap(master, ADA, "key-1", dataKey);

        assertThat(PersonalDataCrypto.unwrap(master, ADA, "key-1", wrapped).getEncoded())
                .isEqualTo(dataKey.getEncoded());
        assertThatThrownBy(() -> PersonalDataCrypto.unwrap(PersonalDataCrypto.newKey(), ADA, "key-1", wrapped))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> PersonalDataCrypto.unwrap(master, BOB, "key-1", wrapped))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aRetentionShorterThanTheDeaMinimumIsRefused() {
        assertThatThrownBy(() -> new PrivacyProperties.Retention(Period.ofMonths(23)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("21 CFR 1304.04");
        assertThatThrownBy(() -> new PrivacyProperties.Retention(Period.ofDays(700)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PrivacyProperties.Retention(Period.ofYears(6)).minimum()).isEqualTo(Period.ofYears(6));
    }
}
