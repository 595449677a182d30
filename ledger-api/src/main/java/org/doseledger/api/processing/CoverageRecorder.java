package org.doseledger.api.processing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.springboot.EventProcessorProperties.Mode;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.projections.support.ReadModelReconciliation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records which events each streaming read model applied, in {@code read_model_coverage}, in the same
 * transaction as the rows the handlers wrote and the processor's token: a bit per ledger position and a
 * count of applications per block of {@value #BLOCK_SIZE} positions. An event counts once its handler has
 * returned; one that failed (and was dead-lettered) or was parked behind a dead-lettered one does not. The
 * reconciliation compares this with the event log ({@link ReadModelReconciliation}).
 *
 * <p>Recorded per batch of events: one upsert per block the batch touched, in block order (so that two
 * segments committing at once never wait on each other in opposite orders), just before the batch commits.
 */
class CoverageRecorder implements HandlerEnhancerDefinition {

    static final int BLOCK_SIZE = ReadModelReconciliation.BLOCK_SIZE;
    static final int BLOCK_SHIFT = ReadModelReconciliation.BLOCK_SHIFT;

    private static final String PENDING = CoverageRecorder.class.getName() + ".pending";

    private final Environment environment;
    private final ObjectProvider<JdbcTemplate> jdbc;

    CoverageRecorder(Environment environment, ObjectProvider<JdbcTemplate> jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        String group = streamingGroup(original);
        if (group == null) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object result = super.handle(message, target);
                applied(group, message);
                return result;
            }
        };
    }

    private void applied(String processor, Message<?> message) {
        Object position = message.getMetaData().get(LedgerMetadata.LEDGER_POSITION);
        if (position == null || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Pending> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            Map<String, Pending> byProcessor = new TreeMap<>();
            unitOfWork.onPrepareCommit(u -> byProcessor.values().forEach(this::flush));
            return byProcessor;
        });
        pending.computeIfAbsent(processor, Pending::new).add(Long.parseLong(position.toString()));
    }

    private void flush(Pending pending) {
        List<Object[]> rows = new ArrayList<>();
        pending.blocks.forEach((block, applied) ->
                rows.add(new Object[] {pending.processor, block, bits(applied.positions), applied.events}));
        if (rows.isEmpty()) {
            return;
        }
        jdbc.getObject().batchUpdate("""
                insert into read_model_coverage (processor, block, applied, events) values (?, ?, ?::bit(1024), ?)
                on conflict (processor, block) do update
                set applied = read_model_coverage.applied | excluded.applied,
                    events = read_model_coverage.events + excluded.events
                """, rows);
        pending.blocks.clear();
    }

    /** PostgreSQL's bit-string literal: the first character is the block's first position. */
    static String bits(BitSet positions) {
        char[] bits = new char[BLOCK_SIZE];
        java.util.Arrays.fill(bits, '0');
        positions.stream().forEach(offset -> bits[offset] = '1');
        return new String(bits);
    }

    /** The processing group of a handler of a streaming (pooled) processor, or null. */
    private String streamingGroup(MessageHandlingMember<?> member) {
        ProcessingGroup group =
                AnnotatedElementUtils.findMergedAnnotation(member.declaringClass(), ProcessingGroup.class);
        if (group == null) {
            return null;
        }
        Mode mode = Binder.get(environment)
                .bind(ProcessorProperties.of(group.value(), "mode"), Mode.class)
                .orElse(null);
        return mode == Mode.POOLED || mode == Mode.TRACKING ? group.value() : null;
    }

    /** One processor's applications in the current batch, by block. */
    private static final class Pending {

        final String processor;
        final Map<Long, Applied> blocks = new TreeMap<>();

        Pending(String processor) {
            this.processor = processor;
        }

        void add(long position) {
            Applied applied = blocks.computeIfAbsent(position >> BLOCK_SHIFT, block -> new Applied());
            applied.positions.set((int) (position & (BLOCK_SIZE - 1)));
            applied.events++;
        }
    }

    private static final class Applied {
        final BitSet positions = new BitSet(BLOCK_SIZE);
        long events;
    }
}
