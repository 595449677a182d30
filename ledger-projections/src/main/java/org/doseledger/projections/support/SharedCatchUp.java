package org.doseledger.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches up the streaming read models that stand at the start of the ledger together: the ledger is read
 * once, in batches, each event deserialized once, and every batch handed to a lane per read model. Six
 * processors replaying the same ledger each read and deserialized every event for themselves, in batches of
 * a hundred per segment (docs/benchmarks.md, Projection replay). A lane applies a batch to its read model in
 * one transaction on a connection of its own, so that the read models' statements overlap their waits for
 * the database; the slowest lane sets the pace (the reader hands a lane at most two batches ahead).
 *
 * <p>The guarantees of the processors stay: each read model's rows, its record of applied events
 * ({@code read_model_coverage}) and the tokens of all its segments commit in the same transaction, batch by
 * batch, so a lane that stops anywhere (a failed handler, a stop, a killed process) leaves its read model at
 * a position it has applied exactly up to. While it runs, the catch-up holds the claims of those segments in
 * the token store under an owner of its own, so the processors (started as usual) cannot claim them; when a
 * lane reaches the ledger's head it releases them and the processor goes on from the lane's tokens, gaps
 * included (an event that commits late, behind the catch-up's position, is handled by the processor). If a
 * handler fails, the batch is rolled back and that lane stops there: its processor takes over from the last
 * committed batch and dead-letters the failing event as it always does; the other lanes go on. A claim not
 * renewed within the token store's claim timeout (a process killed) is taken over by the processors in the
 * same way.
 *
 * <p>Only read models at the start are taken (no segment has handled an event: a replay's reset, or tokens
 * not created yet), so nothing is applied twice; a read model whose tokens another node holds is left to its
 * processors.
 */
public class SharedCatchUp {

    /**
     * Unit-of-work resource of a batch of the shared catch-up: handlers run without savepoints, since a
     * failure rolls the whole batch back and ends that read model's lane.
     */
    public static final String BATCH = SharedCatchUp.class.getName() + ".batch";

    private static final Logger log = LoggerFactory.getLogger(SharedCatchUp.class);

    /** The ledger as the catch-up reads it. */
    public interface Ledger {

        /** The token before the ledger's first event, or null when the ledger is empty. */
        TrackingToken tail();

        /**
         * Every event after the token, in the order of the ledger, each with its tracking token and its
         * own position in its metadata; the stream ends at the ledger's head.
         */
        Stream<? extends TrackedEventMessage<?>> readAfter(TrackingToken token);
    }

    private final EventProcessingConfiguration processing;
    private final Ledger ledger;
    private final TokenStore tokens;
    private final TokenStore nodeTokens;
    private final TransactionManager transactions;
    private final ToIntFunction<String> initialSegments;
    private final int batchSize;
    private final boolean enabled;
    private final Set<String> catchingUp = ConcurrentHashMap.newKeySet();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private volatile Outcome lastOutcome;

    /**
     * @param tokens the token store, with an owner name of its own (not this node's processors'), so that
     *     the processors cannot claim what the catch-up holds
     * @param nodeTokens the token store of this node's processors, whose claims a stopped processor (a reset)
     *     may have left
     * @param initialSegments the number of segments of a processor whose tokens do not exist yet
     * @param batchSize events per transaction
     * @param enabled false leaves every read model to its own processor, which replays it alone
     */
    public SharedCatchUp(
            EventProcessingConfiguration processing,
            Ledger ledger,
            TokenStore tokens,
            TokenStore nodeTokens,
            TransactionManager transactions,
            ToIntFunction<String> initialSegments,
            int batchSize,
            boolean enabled) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the catch-up's batch size must be at least 1, not " + batchSize);
        }
        this.processing = processing;
        this.ledger = ledger;
        this.tokens = tokens;
        this.nodeTokens = nodeTokens;
        this.transactions = transactions;
        this.initialSegments = initialSegments;
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    /**
     * What the last catch-up that ended on this node did: the read models it held, the events and batches it
     * read, and the read models it stopped before the ledger's head, with why (a failed batch, the service
     * stopping).
     */
    public record Outcome(List<String> processors, long events, long batches, Map<String, String> stopped) {

        public boolean reachedTheHead() {
            return stopped.isEmpty();
        }
    }

    /** The last catch-up that ended on this node, if any has. */
    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(lastOutcome);
    }

    /** Whether the read model is being caught up by this node's shared catch-up now. */
    public boolean isCatchingUp(String processor) {
        return catchingUp.contains(processor);
    }

    /**
     * Claims the segments of those named processors that stand at the start of the ledger (creating their
     * tokens when they have none) and starts catching them up together: a reader thread and a lane per read
     * model. Returns the
     * processors taken; the others are left to their processors. Only processors that this node does not
     * run now are taken (at start, before Axon starts them, or shut down for a replay); they may be started
     * once this returns: they cannot claim what the catch-up holds.
     */
    public synchronized List<String> begin(Collection<String> names) {
        if (!enabled || names.isEmpty()) {
            return List.of();
        }
        TrackingToken tail = ledger.tail();
        if (tail == null) {
            return List.of();
        }
        Map<String, Map<Integer, TrackingToken>> claimed = new TreeMap<>();
        for (String name : names) {
            boolean running = processing
                    .eventProcessor(name)
                    .map(EventProcessor::isRunning)
                    .orElse(true);
            if (!running && !catchingUp.contains(name)) {
                claimAtStart(name, tail).ifPresent(segments -> claimed.put(name, segments));
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        catchingUp.addAll(claimed.keySet());
        Run run = new Run(claimed, tail);
        runs.add(run);
        run.thread.start();
        log.info("Catching up {} together from the start of the ledger", claimed.keySet());
        return List.copyOf(claimed.keySet());
    }

    /** Stops every catch-up after its current batch and waits for it to release its claims. */
    public void stop() {
        for (Run run : runs) {
            run.stopping = true;
        }
        for (Run run : runs) {
            try {
                run.thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Each segment's stored token, claimed by the catch-up; empty when a segment is not at the start or held. */
    private Optional<Map<Integer, TrackingToken>> claimAtStart(String name, TrackingToken tail) {
        try {
            return Optional.ofNullable(transactions.fetchInTransaction(() -> {
                if (tokens.fetchSegments(name).length == 0) {
                    tokens.initializeTokenSegments(name, initialSegments.applyAsInt(name), tail);
                }
                Map<Integer, TrackingToken> stored = new TreeMap<>();
                for (int segment : tokens.fetchSegments(name)) {
                    // a reset stores its tokens under this node's processors, which keep the claims
                    nodeTokens.releaseClaim(name, segment);
                    TrackingToken token = tokens.fetchToken(name, segment);
                    if (!atStart(token, tail)) {
                        throw new NotAtStart();
                    }
                    stored.put(segment, token);
                }
                return stored;
            }));
        } catch (NotAtStart | UnableToClaimTokenException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // another node creating the same tokens, the database gone: the processors will do it alone
            log.warn("The read model {} is left to its processor: its tokens could not be claimed", name, e);
            return Optional.empty();
        }
    }

    /** Whether a segment with this token has handled nothing of a ledger that starts after the tail. */
    static boolean atStart(TrackingToken token, TrackingToken tail) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return current == null || tail.covers(current);
    }

    /** A segment's token once it has handled everything up to {@code reached}. */
    static TrackingToken advance(TrackingToken stored, TrackingToken reached) {
        return stored instanceof ReplayToken replay ? replay.advancedTo(reached) : reached;
    }

    /** The event handlers of a processor, without its dead-letter queue, sequencing or segments. */
    private List<EventMessageHandler> handlersOf(String name) {
        Object processor = processing.eventProcessor(name).orElseThrow();
        List<EventMessageHandler> handlers = new ArrayList<>();
        collect(((AbstractEventProcessor) processor).eventHandlerInvoker(), handlers);
        return handlers;
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> handlers) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException(
                    "cannot catch up through a " + invoker.getClass().getName());
        }
    }

    /**
     * One catch-up: a reader that reads each batch of the ledger once, deserializes its events and hands it
     * to a lane per read model.
     */
    private final class Run implements Runnable {

        private final List<Lane> lanes = new ArrayList<>();
        private final TrackingToken tail;
        private final Thread thread;
        private volatile boolean stopping;

        Run(Map<String, Map<Integer, TrackingToken>> stored, TrackingToken tail) {
            this.tail = tail;
            stored.forEach((name, segments) -> lanes.add(new Lane(name, segments, handlersOf(name))));
            this.thread = new Thread(this, "read-model-catch-up");
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            long read = 0;
            long batches = 0;
            long started = System.nanoTime();
            lanes.forEach(lane -> lane.thread.start());
            try (Stream<? extends TrackedEventMessage<?>> stream = ledger.readAfter(tail)) {
                var events = stream.iterator();
                while (!stopping && lanes.stream().anyMatch(Lane::open)) {
                    List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && events.hasNext()) {
                        TrackedEventMessage<?> event = events.next();
                        // once, here: the lanes share the message
                        event.getPayload();
                        event.getMetaData();
                        batch.add(event);
                    }
                    if (batch.isEmpty()) {
                        break;
                    }
                    for (Lane lane : lanes) {
                        lane.hand(batch);
                    }
                    read += batch.size();
                    batches++;
                }
            } catch (RuntimeException | Error e) {
                log.warn("The shared catch-up could not read the ledger after {} events", read, e);
                lanes.forEach(lane -> lane.stop("reading the ledger failed: " + e));
            } finally {
                if (stopping) {
                    lanes.forEach(lane -> lane.stop("the service stopped"));
                }
                lanes.forEach(Lane::end);
                Map<String, String> stopped = new TreeMap<>();
                for (Lane lane : lanes) {
                    join(lane.thread);
                    if (lane.stoppedBecause != null) {
                        stopped.put(lane.name, lane.stoppedBecause);
                    }
                }
                lastOutcome = new Outcome(lanes.stream().map(lane -> lane.name).toList(), read, batches, stopped);
                runs.remove(this);
                Map<String, Long> busy = new TreeMap<>();
                lanes.forEach(lane -> busy.put(lane.name, lane.busyNanos / 1_000_000));
                log.info(
                        "Caught up {} together: {} events in {} ms (ms each read model spent applying them: {}){}",
                        lastOutcome.processors(),
                        read,
                        (System.nanoTime() - started) / 1_000_000,
                        busy,
                        stopped.isEmpty() ? "" : "; stopped before the head: " + stopped.keySet());
            }
        }

        private void join(Thread lane) {
            try {
                lane.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One read model's part of a catch-up, on a thread and a database connection of its own: each batch in
     * one transaction with the read model's record of applied events and its tokens. A lane that fails ends
     * there and releases its claims (its processor goes on from its last batch); the others go on.
     */
    private final class Lane implements Runnable {

        private static final List<TrackedEventMessage<?>> END = List.of();

        private final String name;
        private final Map<Integer, TrackingToken> segments;
        private final List<EventMessageHandler> handlers;
        private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(2);
        private final Thread thread;
        private volatile String stoppedBecause;
        private volatile boolean closed;
        private volatile long busyNanos;

        Lane(String name, Map<Integer, TrackingToken> segments, List<EventMessageHandler> handlers) {
            this.name = name;
            this.segments = new TreeMap<>(segments);
            this.handlers = handlers;
            this.thread = new Thread(this, "read-model-catch-up-" + name);
            this.thread.setDaemon(true);
        }

        boolean open() {
            return !closed;
        }

        /** Waits until the lane takes the batch, or has ended. */
        void hand(List<TrackedEventMessage<?>> batch) {
            try {
                while (!closed && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    // the lane is busy with the batches before this one
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("interrupted");
            }
        }

        void stop(String why) {
            if (stoppedBecause == null) {
                stoppedBecause = why;
            }
            closed = true;
            batches.offer(END);
        }

        void end() {
            hand(END);
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    List<TrackedEventMessage<?>> batch = batches.take();
                    if (batch == END || closed) {
                        break;
                    }
                    long began = System.nanoTime();
                    apply(batch);
                    busyNanos += System.nanoTime() - began;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("interrupted");
            } catch (RuntimeException | Error e) {
                stop(String.valueOf(e.getCause() == null ? e : e.getCause()));
                log.warn("The shared catch-up of {} stopped; its processor goes on from its last batch", name, e);
            } finally {
                closed = true;
                release();
            }
        }

        /** Hands each event of the batch to the read model's handlers, in one transaction with its tokens. */
        private void apply(List<TrackedEventMessage<?>> batch) {
            TrackingToken reached = batch.get(batch.size() - 1).trackingToken();
            Map<Integer, TrackingToken> advanced = new TreeMap<>();
            BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(batch);
            unit.attachTransaction(transactions);
            unit.resources().put(BATCH, Boolean.TRUE);
            unit.resources().put(BatchedInserts.ALLOWED, Boolean.TRUE);
            unit.onPrepareCommit(u -> segments.forEach((segment, token) -> {
                TrackingToken moved = advance(token, reached);
                tokens.storeToken(moved, name, segment);
                advanced.put(segment, moved);
            }));
            ResultMessage<?> result = unit.executeWithResult(
                    () -> {
                        EventMessage<?> event = unit.getMessage();
                        for (EventMessageHandler handler : handlers) {
                            if (handler.canHandle(event)) {
                                handler.handle(event);
                            }
                        }
                        return null;
                    },
                    RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException(
                        "a batch of the catch-up of " + name + " failed at " + reached + " and was rolled back",
                        result.exceptionResult());
            }
            segments.putAll(advanced);
        }

        private void release() {
            try {
                transactions.executeInTransaction(
                        () -> segments.keySet().forEach(segment -> tokens.releaseClaim(name, segment)));
                // the processor would look for unclaimed segments only at its next claim interval (5 s)
                processing
                        .eventProcessor(name, StreamingEventProcessor.class)
                        .filter(StreamingEventProcessor::isRunning)
                        .ifPresent(processor -> segments.keySet().forEach(processor::claimSegment));
            } catch (RuntimeException e) {
                log.warn(
                        "The shared catch-up of {} could not release its claims; they expire after the claim timeout",
                        name,
                        e);
            } finally {
                catchingUp.remove(name);
            }
        }
    }

    private static final class NotAtStart extends RuntimeException {
        NotAtStart() {
            super(null, null, false, false);
        }
    }
}
