package org.doseledger.core.stock;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;

/**
 * A lot's balance along occurred time, not only now: every entry that changes the balance at the
 * moment it occurred, in the lot's unit. A backdated removal must leave the balance at or above zero at
 * every later moment too, so that an accountability as of any day never shows less than nothing; and
 * nothing may happen to the lot before it first arrived at its location.
 *
 * <p>Entries recorded in occurred order (the usual case) are judged in constant time; a backdated one
 * walks the entries after it.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class BalanceHistory {

    private final TreeMap<Instant, BigDecimal> changes = new TreeMap<>();
    private BigDecimal total = BigDecimal.ZERO;
    private Instant arrivedAt;

    /** When stock of the lot first arrived at its location (a receipt or a transfer in), or null. */
    Instant arrivedAt() {
        return arrivedAt;
    }

    /** An arrival (receipt or transfer in) at that moment. */
    void arrived(Instant at, Quantity quantity) {
        if (arrivedAt == null || at.isBefore(arrivedAt)) {
            arrivedAt = at;
        }
        change(at, quantity);
    }

    /** A change of the balance at that moment: positive adds, negative removes. */
    void change(Instant at, Quantity change) {
        if (change.isZero()) {
            return;
        }
        changes.merge(at, change.amount(), BigDecimal::add);
        total = total.add(change.amount());
    }

    /** The balance at that moment: every change that occurred at or before it. */
    Quantity at(Instant at, StockUnit unit) {
        BigDecimal after = BigDecimal.ZERO;
        for (BigDecimal change : changes.tailMap(at, false).values()) {
            after = after.add(change);
        }
        return new Quantity(total.subtract(after), unit);
    }

    /**
     * The least the balance is from that moment on (the balance at that moment and after each later
     * change): the most a removal dated then can take without the lot going below zero at some moment.
     */
    Quantity lowestFrom(Instant at, StockUnit unit) {
        NavigableMap<Instant, BigDecimal> later = changes.tailMap(at, false);
        BigDecimal laterSum = BigDecimal.ZERO;
        for (BigDecimal change : later.values()) {
            laterSum = laterSum.add(change);
        }
        BigDecimal running = total.subtract(laterSum);
        BigDecimal lowest = running;
        for (Map.Entry<Instant, BigDecimal> change : later.entrySet()) {
            running = running.add(change.getValue());
            if (running.compareTo(lowest) < 0) {
                lowest = running;
            }
        }
        return new Quantity(lowest, unit);
    }
}
