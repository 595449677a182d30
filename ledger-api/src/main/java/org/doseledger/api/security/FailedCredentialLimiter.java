package org.doseledger.api.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Counts the credentials that each source presented without success, so that API keys and tokens cannot be
 * guessed at the speed of the network. Each source has a leaky bucket: every failure adds one, and
 * {@code perMinute} drain away each minute. A source whose bucket has no room for another failure is refused
 * until it has: it may fail {@code perMinute} times in a row, then once more every 60/{@code perMinute} s.
 * Failures of requests that were already under way when the limit was reached still count, and lengthen the wait.
 *
 * <p>A source is an IPv4 address, or the /64 network of an IPv6 address: one host is usually given a whole /64, and
 * counting its addresses one by one would let it multiply its attempts. At most {@code maxSources} sources are
 * remembered, those seen least recently forgotten first, so memory stays bounded whatever the number of addresses;
 * a source whose failures have all drained away is forgotten at once.
 */
final class FailedCredentialLimiter {

    /** Sources remembered at most: a few hundred bytes each, a few megabytes in all. */
    static final int MAX_SOURCES = 10_000;

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z._-]+)?");

    private final int perMinute;
    private final long nanosPerFailure;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    FailedCredentialLimiter(int perMinute) {
        this(perMinute, MAX_SOURCES, System::nanoTime);
    }

    FailedCredentialLimiter(int perMinute, int maxSources, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanosPerFailure = perMinute == 0 ? 0 : Duration.ofMinutes(1).toNanos() / perMinute;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** Zero when the source may present a credential; otherwise how long until it may again. */
    synchronized Duration refusedFor(String source) {
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            return Duration.ZERO;
        }
        long untilEmpty = bucket.emptyAt - nanoTime.getAsLong();
        if (untilEmpty <= 0) {
            buckets.remove(source);
            return Duration.ZERO;
        }
        long wait = untilEmpty - (perMinute - 1) * nanosPerFailure;
        return wait <= 0 ? Duration.ZERO : Duration.ofNanos(wait);
    }

    /** The source presented a credential that was not accepted. */
    synchronized void failed(String source) {
        if (perMinute == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(source, key -> new Bucket(now));
        bucket.emptyAt = (bucket.emptyAt - now > 0 ? bucket.emptyAt : now) + nanosPerFailure;
    }

    synchronized int sourcesRemembered() {
        return buckets.size();
    }

    /**
     * The source of a request's remote address (an IP literal, as the servlet container gives it): an IPv4 address
     * as it is (an IPv4-mapped IPv6 address too), an IPv6 address as its /64 network.
     */
    static String source(String remoteAddress) {
        if (remoteAddress == null || !IPV6_LITERAL.matcher(remoteAddress).matches()) {
            return String.valueOf(remoteAddress);
        }
        try {
            // an IPv6 literal is parsed, never looked up
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    /** The bucket as the time at which its failures will all have drained away (nanoTime). */
    private static final class Bucket {

        private long emptyAt;

        Bucket(long now) {
            this.emptyAt = now;
        }
    }
}
