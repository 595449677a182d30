package org.doseledger.api.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-20T18:00:30.5Z");

    @Test
    void theInProcessModeIsTheDefaultAndPassesServiceSettingsOn() {
        GenerateCommand.Options options = GenerateCommand.parse(
                new String[] {
                    "--seed", "42", "--practices", "2", "--clients", "50", "--months", "3", "--ledger.data-dir=/tmp/x"
                },
                NOW);
        assertThat(options.mode()).isEqualTo("in-process");
        assertThat(options.chunk()).isEqualTo(InProcessEmitter.DEFAULT_CHUNK);
        assertThat(options.serviceArgs()).containsExactly("--ledger.data-dir=/tmp/x");
        GeneratorSettings settings = options.settings();
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.practiceIdPrefix()).isEqualTo("gen42");
        assertThat(settings.practices()).isEqualTo(2);
        assertThat(settings.clients()).isEqualTo(50);
        assertThat(settings.sessionsPerWeek()).isEqualTo(50);
        assertThat(settings.end()).isEqualTo(Instant.parse("2026-11-20T17:59:30Z"));
    }

    @Test
    void theRestModeNeedsAUrl() {
        GenerateCommand.Options options = GenerateCommand.parse(
                new String[] {
                    "--seed",
                    "1",
                    "--practices",
                    "1",
                    "--clients",
                    "5",
                    "--months",
                    "1",
                    "--mode",
                    "rest",
                    "--url",
                    "http://localhost:8080",
                    "--admin-key-file",
                    "key.txt"
                },
                NOW);
        assertThat(options.url()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.adminKeyFile()).isEqualTo(Path.of("key.txt"));
        assertThatThrownBy(() -> GenerateCommand.parse(
                        new String[] {
                            "--seed", "1", "--practices", "1", "--clients", "5", "--months", "1", "--mode", "rest"
                        },
                        NOW))
                .hasMessageContaining("--url");
    }

    @Test
    void aWrongCommandLineIsNamed() {
        for (List<String> args : List.of(
                List.of("--seed", "1"),
                List.of("--seed", "x", "--practices", "1", "--clients", "5", "--months", "1"),
                List.of("--seed", "1", "--practices", "1", "--clients", "5", "--months", "1", "--mode", "commands"),
                List.of("--seed", "1", "--practices", "1", "--clients", "5", "--months", "1", "extra"))) {
            assertThatThrownBy(() -> GenerateCommand.parse(args.toArray(String[]::new), NOW))
                    .as(args.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(GenerateCommand.run(GenerateCommandTest.class, new String[] {"--seed"}))
                .isEqualTo(2);
    }
}
