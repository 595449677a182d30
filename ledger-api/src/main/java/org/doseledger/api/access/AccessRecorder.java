package org.doseledger.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.security.CurrentCredential;
import org.doseledger.api.web.RequestIdFilter;
import org.doseledger.api.write.InvalidWriteHeaderException;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.access.api.PurposeOfUse;
import org.doseledger.core.access.api.RecordClientDataAccessCommand;
import org.doseledger.core.shared.PracticeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records one read of client data in its own transaction: who (the request's credential), whose (the
 * practice and client in the URL), which endpoint (method and URL template, never the raw URL) with the
 * parameters the endpoint names, and when. Fails closed: a failure becomes {@link AccessNotRecordedException}.
 */
public class AccessRecorder {

    private static final Logger log = LoggerFactory.getLogger(AccessRecorder.class);
    private static final int MAX_VALUE_LENGTH = 200;

    private final LedgerWriter writer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AccessRecorder(LedgerWriter writer, TransactionTemplate transactions, Clock clock) {
        this.writer = writer;
        this.transactions = transactions;
        this.clock = clock;
    }

    void record(HttpServletRequest request, ReadsClientData reads) {
        String clientId = reads.client().isEmpty() ? null : value(request, reads.client());
        ApiCredential credential = CurrentCredential.get();
        String practice = variables(request).get("practiceId");
        Map<String, String> parameters = new TreeMap<>();
        for (String name : reads.parameters()) {
            String value = value(request, name);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        Instant now = clock.instant();
        RecordClientDataAccessCommand command = new RecordClientDataAccessCommand(
                UUID.randomUUID().toString(),
                practice == null ? null : PracticeId.of(practice),
                credential.id(),
                credential.role(),
                clientId,
                reads.kind(),
                request.getMethod() + " " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
                parameters,
                purpose(request),
                now);
        WriteContext context = new WriteContext(credential, RequestIdFilter.of(request), null, null, now);
        try {
            transactions.executeWithoutResult(status -> writer.send(context, command));
        } catch (RuntimeException e) {
            log.error("could not record {} by {}; the read is refused", command.endpoint(), credential.id(), e);
            throw new AccessNotRecordedException(e);
        }
    }

    /** The header a caller declares why it reads with; one of {@link PurposeOfUse}, or absent. */
    public static final String PURPOSE_OF_USE = "X-Purpose-Of-Use";

    private static PurposeOfUse purpose(HttpServletRequest request) {
        String declared = request.getHeader(PURPOSE_OF_USE);
        if (declared == null || declared.isBlank()) {
            return null;
        }
        try {
            return PurposeOfUse.valueOf(declared.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidWriteHeaderException(
                    "PURPOSE_OF_USE_INVALID",
                    "'" + PURPOSE_OF_USE + "' must be one of " + java.util.Arrays.toString(PurposeOfUse.values()));
        }
    }

    private static String value(HttpServletRequest request, String name) {
        String variable = variables(request).get(name);
        if (variable != null) {
            return truncated(variable);
        }
        String[] values = request.getParameterValues(name);
        return values == null || values.length == 0 ? null : truncated(String.join(",", values));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> variables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? Map.of() : (Map<String, String>) variables;
    }

    private static String truncated(String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH);
    }
}
