package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 column. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesAreThoseOfTheRfcTestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 8))
                .isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)), 8))
                .isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)), 8))
                .isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)), 8))
                .isEqualTo("65353130");
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void aCodeIsAcceptedForItsStepAndTheNeighboursOnlyAfterTheLastAccepted() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        String current = Totp.code(RFC_SECRET, now);

        assertThat(Totp.accept(RFC_SECRET, current, now, 0)).isEqualTo(step);
        assertThat(Totp.accept(RFC_SECRET, current.substring(0, 3) + " " + current.substring(3), now, 0))
                .isEqualTo(step);
        assertThat(Totp.accept(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now, 0))
                .isEqualTo(step - 1);
        assertThat(Totp.accept(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now, 0))
                .isEqualTo(step + 1);
        // too old, used already, malformed
        assertThat(Totp.accept(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now, 0))
                .isEqualTo(-1);
        assertThat(Totp.accept(RFC_SECRET, current, now, step)).isEqualTo(-1);
        assertThat(Totp.accept(RFC_SECRET, "12345", now, 0)).isEqualTo(-1);
        assertThat(Totp.accept(RFC_SECRET, "abcdef", now, 0)).isEqualTo(-1);
        assertThat(Totp.accept(RFC_SECRET, null, now, 0)).isEqualTo(-1);
    }

    @Test
    void theSecretTravelsAsBase32InAnOtpauthUri() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        byte[] secret = Totp.newSecret();
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
        assertThat(Totp.uri("Dose Ledger", "j.doe@clinic", RFC_SECRET))
                .isEqualTo("otpauth://totp/Dose%20Ledger:j.doe%40clinic?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Dose%20Ledger&algorithm=SHA1&digits=6&period=30");
    }
}
