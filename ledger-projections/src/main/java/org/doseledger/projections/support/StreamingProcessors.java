package org.doseledger.projections.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.doseledger.core.shared.UnknownRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The streaming event processors (the replayable read models) as operators see them: where each segment
 * is, how far behind the ledger's head, what is dead-lettered. Processors are discovered from Axon's
 * configuration, never listed here; subscribing processors (command-side lookup tables, written in the
 * command's transaction) are not streaming and so never appear. A processor's dead letters are those of
 * the processing group of the same name, Axon's default assignment.
 */
public class StreamingProcessors {

    private static final Logger log = LoggerFactory.getLogger(StreamingProcessors.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final SharedCatchUp catchUp;

    /**
     * @param catchUp catches up together the read models that a replay (or a start) finds at the start of the
     *     ledger
     */
    public StreamingProcessors(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            Serializer tokenSerializer,
            SharedCatchUp catchUp) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.catchUp = catchUp;
    }

    /** The names of every streaming processor, sorted. */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public StreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownRecordException("processor", name));
    }

    /** The segments of a processor that this node processes now, in order. */
    public List<Integer> segmentsHeldHere(String name) {
        return processor(name).processingStatus().keySet().stream().sorted().toList();
    }

    /** The global index of the last event in the ledger; 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    public List<ProcessorStatus> statuses() {
        long head = head();
        return names().stream().map(name -> status(name, head)).toList();
    }

    public ProcessorStatus status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        SortedMap<Integer, Long> positions = positions(name, processor);
        long lowest = positions.values().stream().min(Comparator.naturalOrder()).orElse(0L);
        List<SegmentPosition> segments = positions.entrySet().stream()
                .map(entry -> new SegmentPosition(entry.getKey(), entry.getValue()))
                .toList();
        return new ProcessorStatus(
                name,
                processor.isRunning(),
                replaying(name, processor),
                segments.size(),
                segments,
                head,
                Math.max(0, head - lowest),
                deadLetterCount(name),
                null);
    }

    /** Events between the ledger's head and the processor's least advanced segment. */
    public long lag(String name) {
        long head = head();
        long lowest = positions(name, processor(name)).values().stream()
                .min(Comparator.naturalOrder())
                .orElse(0L);
        return Math.max(0, head - lowest);
    }

    /**
     * Each segment's position: live for segments this node processes (an idle segment stores its token
     * only every few seconds), otherwise its token in the shared token store. A segment that has handled
     * nothing yet is at 0.
     */
    private SortedMap<Integer, Long> positions(String name, StreamingEventProcessor processor) {
        SortedMap<Integer, Long> positions = new TreeMap<>();
        jdbc.query(
                "select segment, token_type, token from token_entry where processor_name = ?",
                rs -> {
                    positions.put(rs.getInt(1), positionOf(deserialize(rs.getString(2), rs.getBytes(3))));
                },
                name);
        for (Map.Entry<Integer, EventTrackerStatus> live :
                processor.processingStatus().entrySet()) {
            TrackingToken token = live.getValue().getTrackingToken();
            if (token != null) {
                positions.put(live.getKey(), positionOf(token));
            }
        }
        return positions;
    }

    /**
     * Each segment's stored progress: the highest position it has seen and the positions below that it
     * has not (gaps: transactions that had not committed when it passed them, or never will). Empty when a
     * segment has stored no position yet. Read from the token store (not live status), so that it agrees
     * with what the processor committed with it.
     */
    public Optional<List<SegmentProgress>> storedProgress(String name) {
        List<TrackingToken> tokens = jdbc.query(
                "select token_type, token from token_entry where processor_name = ?",
                (rs, row) -> deserialize(rs.getString(1), rs.getBytes(2)),
                name);
        List<SegmentProgress> progress = new ArrayList<>();
        for (TrackingToken token : tokens) {
            TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
            if (current == null || current.position().isEmpty()) {
                return Optional.empty();
            }
            progress.add(new SegmentProgress(
                    current.position().getAsLong(),
                    current instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps() : new TreeSet<>()));
        }
        return progress.isEmpty() ? Optional.empty() : Optional.of(progress);
    }

    /** A segment's stored position and the gaps below it. */
    public record SegmentProgress(long index, SortedSet<Long> gaps) {}

    private TrackingToken deserialize(String type, byte[] bytes) {
        if (type == null || bytes == null) {
            return null;
        }
        try {
            SerializedType serializedType = new SimpleSerializedType(type, null);
            return tokenSerializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, serializedType));
        } catch (RuntimeException e) {
            log.warn("Token of type {} could not be read; counting its segment at position 0", type, e);
            return null;
        }
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return current == null ? 0 : current.position().orElse(0);
    }

    public long deadLetterCount(String name) {
        return deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String name) {
        return processing.deadLetterQueue(name);
    }

    /**
     * Shuts the processor down, resets its tokens to the start of the ledger (its reset handlers empty
     * its tables, and its dead letters are dropped: the replay handles those events again) and starts it.
     * Synchronized so that two admin calls never interleave their shutdowns and starts.
     */
    public synchronized void replay(String name) {
        replayAll(List.of(name));
    }

    /**
     * Replays the named processors, or none when one of them is replaying already. The ledger is read once
     * for all of them ({@link SharedCatchUp}); their processors take over at its end. When one of them cannot
     * be reset (another node holds a segment), those reset before it replay and the others are left as they
     * were.
     */
    public synchronized void replayAll(List<String> names) {
        for (String name : names) {
            if (replaying(name, processor(name))) {
                throw new ProcessorReplayingException(name);
            }
        }
        List<String> reset = new ArrayList<>();
        try {
            for (String name : names) {
                StreamingEventProcessor processor = processor(name);
                processor.shutDown();
                try {
                    resetToStart(name, processor);
                } catch (UnableToClaimTokenException e) {
                    processor.start();
                    throw new ProcessorClaimedElsewhereException(name, e);
                }
                reset.add(name);
            }
        } finally {
            // claimed by the catch-up before the processors start, so that they cannot take the segments
            catchUpTogether(reset);
            reset.forEach(name -> processor(name).start());
            reset.forEach(name -> log.info("Processor {} is replaying from the start of the ledger", name));
        }
    }

    /**
     * At start, before Axon starts the processors: catches up together every read model that stands at the
     * start of the ledger (new tokens, or reset by {@code ledger.replay-on-start}).
     */
    public void catchUpAtStart() {
        catchUpTogether(names());
    }

    /** The catch-up is a shortcut: if it cannot begin, each processor replays on its own. */
    private void catchUpTogether(List<String> names) {
        try {
            catchUp.begin(names);
        } catch (RuntimeException e) {
            log.warn("The read models {} could not be caught up together; each processor replays on its own", names, e);
        }
    }

    private boolean replaying(String name, StreamingEventProcessor processor) {
        return processor.isReplaying() || catchUp.isCatchingUp(name);
    }

    /** For a processor that is not running: reset its tokens and drop its dead letters. */
    public void resetToStart(String name, StreamingEventProcessor processor) {
        // one transaction: tokens, the read model's tables (its reset handlers), its record of applied
        // events and its dead letters start afresh together, or not at all
        processing.transactionManager(name).executeInTransaction(() -> {
            processor.resetTokens();
            jdbc.update("delete from read_model_coverage where processor = ?", name);
            deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        });
    }

    public List<DeadLetterView> deadLetters(String name, int limit) {
        processor(name);
        List<DeadLetterView> letters = new ArrayList<>();
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = deadLetterQueue(name);
        if (queue.isEmpty()) {
            return letters;
        }
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                queue.get().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters.size() >= limit) {
                    return letters;
                }
                letters.add(DeadLetterView.of(letter));
            }
        }
        return letters;
    }

    /**
     * Processes every dead-lettered sequence once, oldest first. A sequence that fails again stays in the
     * queue (touched now), so one bad event cannot make this loop forever.
     */
    public RetryOutcome retryDeadLetters(String name) {
        processor(name);
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = deadLetterQueue(name);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> letters = processing.sequencedDeadLetterProcessor(name);
        if (queue.isEmpty() || letters.isEmpty()) {
            return new RetryOutcome(name, 0, 0, 0);
        }
        long sequences = queue.get().amountOfSequences();
        int processed = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (letters.get().processAny()) {
                processed++;
            }
        }
        return new RetryOutcome(
                name, processed, queue.get().amountOfSequences(), queue.get().size());
    }

    /** One streaming processor's state. */
    public record ProcessorStatus(
            String name,
            boolean running,
            boolean replaying,
            int segmentCount,
            List<SegmentPosition> segments,
            long ledgerHead,
            long lag,
            long deadLetters,
            ReadModelReconciliation.Result reconciliation) {

        public ProcessorStatus withReconciliation(ReadModelReconciliation.Result last) {
            return new ProcessorStatus(
                    name, running, replaying, segmentCount, segments, ledgerHead, lag, deadLetters, last);
        }
    }

    /** A segment and the ledger position (global index) it has handled up to. */
    public record SegmentPosition(int segment, long position) {}

    /** One dead-lettered event and why it failed; its sequence is its aggregate (the default sequencing policy). */
    public record DeadLetterView(
            String aggregateId,
            String eventId,
            String payloadType,
            String causeType,
            String causeMessage,
            Instant enqueuedAt,
            Instant lastTouched) {

        public static DeadLetterView of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> message = letter.message();
            return new DeadLetterView(
                    message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                    message.getIdentifier(),
                    EventMessages.eventType(message.getPayloadType()),
                    letter.cause().map(Cause::type).orElse(null),
                    letter.cause().map(Cause::message).orElse(null),
                    letter.enqueuedAt(),
                    letter.lastTouched());
        }
    }

    /** What a retry of the dead letters did: sequences processed, and what is still dead-lettered. */
    public record RetryOutcome(String processor, int processed, long remainingSequences, long remainingDeadLetters) {}
}
