package org.doseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayOnStartTest {

    private static final List<String> KNOWN = List.of("client-timeline", "stock-lots");

    @Test
    void allMeansEveryStreamingProcessor() {
        assertThat(new ReplayOnStart(List.of("ALL")).select(KNOWN)).isEqualTo(KNOWN);
    }

    @Test
    void namesAreTrimmedAndBlanksIgnored() {
        assertThat(new ReplayOnStart(List.of(" stock-lots ", "", "stock-lots")).select(KNOWN))
                .containsExactly("stock-lots");
        assertThat(new ReplayOnStart(List.of()).select(KNOWN)).isEmpty();
    }

    @Test
    void cannotStartWithAnUnknownProcessor() {
        assertThatThrownBy(() -> new ReplayOnStart(List.of("stock-lots", "stock-lot")).select(KNOWN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.replay-on-start")
                .hasMessageContaining("[stock-lot]")
                .hasMessageContaining("[client-timeline, stock-lots]");
    }
}
