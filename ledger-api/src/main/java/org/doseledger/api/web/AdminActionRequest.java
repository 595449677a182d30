package org.doseledger.api.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of an administrative action (a replay, a reconciliation, a verification, sealing a checkpoint,
 * a retry of dead letters): why it is asked for, which the service logs with the credential that asked.
 * Together with the Idempotency-Key it makes the action an explicit request that a retry cannot repeat.
 *
 * @param reason why the action is asked for, e.g. "reconciliation found stock-lots diverging"
 */
public record AdminActionRequest(@NotBlank @Size(max = 500) String reason) {}
