package org.doseledger.api.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PracticeGeneratorTest extends EndToEndTest {

    private static final Instant END = Instant.parse("2026-11-20T18:00:00Z");

    @Autowired
    ObjectMapper mapper;

    @Test
    void theSameSeedGivesTheSameFacts() throws Exception {
        GeneratorSettings settings = new GeneratorSettings(42, "gen", 2, 5, 20, 3, 10, 0.7, 0.05, 0.05, 0.1, END);
        String first = hash(settings, 2_000);
        assertThat(hash(settings, 2_000)).isEqualTo(first);
        assertThat(hash(new GeneratorSettings(43, "gen", 2, 5, 20, 3, 10, 0.7, 0.05, 0.05, 0.1, END), 2_000))
                .isNotEqualTo(first);
    }

    @Test
    void aHistoryCoversEveryKindOfFact() {
        List<String> kinds = new PracticeHistory(
                        new GeneratorSettings(7, "gen", 1, 4, 8, 2, 6, 0.5, 0.1, 0.2, 0.3, END))
                .facts()
                .map(PracticeFact::kind)
                .distinct()
                .toList();
        assertThat(kinds)
                .contains(
                        "REGISTER_PRACTICE",
                        "REGISTER_PRACTITIONER",
                        "REGISTER_CLIENT",
                        "SIGN_CONSENT",
                        "RECORD_CLEARANCE",
                        "APPROVE_PLAN",
                        "RECEIPT",
                        "DRAW",
                        "ADMINISTRATION",
                        "WASTE",
                        "VITALS",
                        "INTEGRATION_SESSION",
                        "TRANSFER",
                        "COUNT",
                        "RESOLVE_DISCREPANCY",
                        "CORRECTION",
                        "LOSS",
                        "DESTRUCTION");
    }

    @Test
    void aHistoryIsWrittenThroughTheRestApiWithoutARefusal() {
        String prefix = unique("gen");
        GeneratorSettings settings = new GeneratorSettings(
                11, prefix, 1, 4, 3, 1, 3, 0.5, 0.1, 0.2, 0.3, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        EmitResult result = new RestEmitter(URI.create("http://localhost:" + port), adminKey, prefix, mapper)
                .emit(new PracticeHistory(settings).facts());
        System.out.println("REST mode: " + result.summary());
        assertThat(result.facts()).isGreaterThan(50);
        assertThat(result.events()).isGreaterThanOrEqualTo(result.facts());
        assertThat(timeline(prefix + "-1", "c-1", issueKey("PRACTICE_WRITER", prefix + "-1"), result.lastPosition())
                        .toString())
                .contains("DoseAdministered");
    }

    private String hash(GeneratorSettings settings, int facts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        new PracticeHistory(settings).facts().limit(facts).forEach(fact -> {
            try {
                digest.update(mapper.writeValueAsString(fact).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }
}
