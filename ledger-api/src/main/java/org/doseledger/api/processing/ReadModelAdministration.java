package org.doseledger.api.processing;

import java.util.List;
import org.doseledger.api.processing.ProcessorController.ReplayStarted;
import org.doseledger.api.web.AdminActionRequest;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.projections.support.ReadModelReconciliation;
import org.doseledger.projections.support.StreamingProcessors;
import org.doseledger.projections.support.StreamingProcessors.DeadLetterView;
import org.doseledger.projections.support.StreamingProcessors.ProcessorStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The read models' processors as an administrator sees and handles them, through the API or the console:
 * positions and lag with the last reconciliation, dead letters, a replay of one read model, a retry of its
 * dead letters. Each action is an explicit request with a reason, logged with the credential that asked.
 */
@Service
public class ReadModelAdministration {

    private final StreamingProcessors processors;
    private final ReadModelReconciliation reconciliation;
    private final IdempotentWrites writes;

    ReadModelAdministration(
            StreamingProcessors processors, ReadModelReconciliation reconciliation, IdempotentWrites writes) {
        this.processors = processors;
        this.reconciliation = reconciliation;
        this.writes = writes;
    }

    public List<ProcessorStatus> statuses() {
        return processors.statuses().stream()
                .map(status -> status.withReconciliation(
                        reconciliation.last(status.name()).orElse(null)))
                .toList();
    }

    public List<DeadLetterView> deadLetters(String name, int limit) {
        return processors.deadLetters(name, limit);
    }

    public ResponseEntity<Object> replay(WriteContext context, String name, AdminActionRequest request) {
        return writes.executeAction(context, "POST /api/admin/processors/" + name + "/replay", request, () -> {
            ProcessorController.log(context, "replay of " + name, request);
            long head = processors.head();
            processors.replay(name);
            return WriteOutcome.of(202, new ReplayStarted(List.of(name), head));
        });
    }

    public ResponseEntity<Object> retryDeadLetters(WriteContext context, String name, AdminActionRequest request) {
        return writes.executeAction(
                context, "POST /api/admin/processors/" + name + "/dead-letters/retry", request, () -> {
                    ProcessorController.log(context, "retry of the dead letters of " + name, request);
                    return WriteOutcome.of(200, processors.retryDeadLetters(name));
                });
    }
}
