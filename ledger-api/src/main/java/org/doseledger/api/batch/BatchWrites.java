package org.doseledger.api.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.ConcurrencyException;
import org.doseledger.api.batch.BatchRequests.BatchItemRequest;
import org.doseledger.api.batch.BatchRequests.BatchRequest;
import org.doseledger.api.error.ProblemResponses;
import org.doseledger.api.security.ApiKeySecrets;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteContextResolver;
import org.doseledger.api.write.WriteOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Applies the items of a batch one after another, each through the DispatcherServlet exactly as if it
 * had come alone: the same handler, interceptors (tenant and role checks, rate limit), body validation,
 * idempotent write and error advice. The caller runs this inside one transaction, which every item's
 * write joins; the first item that is not answered with 2xx ends the batch with a
 * {@link BatchItemFailedException}, and the transaction rolls back the items before it.
 */
public class BatchWrites {

    private static final Pattern REFERENCE = Pattern.compile("\\{item:([0-9]{1,4})}");
    private static final String EXCEPTION_ATTRIBUTE = DispatcherServlet.EXCEPTION_ATTRIBUTE;

    private final ObjectProvider<DispatcherServlet> dispatcher;
    private final ObjectMapper mapper;
    private final BatchProperties properties;

    public BatchWrites(ObjectProvider<DispatcherServlet> dispatcher, ObjectMapper mapper, BatchProperties properties) {
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.properties = properties;
    }

    /** The items as paths inside the practice; refuses a batch that is too large or names other places. */
    public List<String> plan(String practiceId, BatchRequest batch) {
        if (batch.items().size() > properties.maxItems()) {
            throw new BatchTooLargeException(batch.items().size(), properties.maxItems());
        }
        String practice = "/api/practices/" + practiceId;
        List<String> paths = new ArrayList<>();
        for (int index = 0; index < batch.items().size(); index++) {
            BatchItemRequest item = batch.items().get(index);
            String path = item.path();
            if (path.startsWith("/api/")) {
                if (!path.startsWith(practice + "/")) {
                    throw refused(
                            index,
                            item,
                            "BATCH_ITEM_OUTSIDE_PRACTICE",
                            "An item may only write to the batch's practice: its path must be relative to " + practice
                                    + " or start with " + practice + "/");
                }
                path = path.substring(practice.length());
            }
            for (String segment : path.substring(1).split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    throw refused(index, item, "BATCH_ITEM_PATH_INVALID", "'.' and '..' are not path segments here");
                }
            }
            if (path.equals("/batches") || path.startsWith("/batches/")) {
                throw refused(index, item, "BATCH_ITEM_NOT_ALLOWED", "A batch cannot hold another batch");
            }
            Matcher reference = REFERENCE.matcher(path);
            while (reference.find()) {
                if (Integer.parseInt(reference.group(1)) >= index) {
                    throw refused(
                            index,
                            item,
                            "BATCH_REFERENCE_INVALID",
                            reference.group() + " must name an earlier item of the batch");
                }
            }
            paths.add(practice + path);
        }
        return paths;
    }

    /** Runs the planned items in order; call inside the batch's transaction. */
    public WriteOutcome apply(
            BatchRequest batch,
            List<String> paths,
            WriteContext context,
            HttpServletRequest request,
            HttpServletResponse response) {
        List<BatchReceipt.Item> answers = new ArrayList<>();
        for (int index = 0; index < paths.size(); index++) {
            BatchItemRequest item = batch.items().get(index);
            String path = resolveReferences(index, item, paths.get(index), answers);
            Map<String, String> headers = new HashMap<>();
            headers.put(WriteContextResolver.IDEMPOTENCY_KEY, itemKey(context.idempotencyKey(), index));
            headers.put(
                    WriteContextResolver.PRACTITIONER,
                    item.practitionerId() != null ? item.practitionerId() : context.practitionerId());
            ItemRequest itemRequest =
                    new ItemRequest(request, request.getContextPath() + path, bytes(item.body()), headers);
            ItemResponse itemResponse = new ItemResponse(response);
            try {
                dispatcher.getObject().service(itemRequest, itemResponse);
            } catch (ServletException e) {
                throw new IllegalStateException("batch item " + index + " could not be dispatched", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (itemRequest.getAttribute(EXCEPTION_ATTRIBUTE) instanceof ConcurrencyException concurrent) {
                // the transaction is lost; the batch's own idempotent write retries it from the start
                throw concurrent;
            }
            JsonNode answer = json(itemResponse.body());
            if (itemResponse.status() < 200 || itemResponse.status() > 299) {
                throw new BatchItemFailedException(
                        index,
                        endpoint(item),
                        itemResponse.status(),
                        answer,
                        itemResponse.getHeader(HttpHeaders.RETRY_AFTER));
            }
            answers.add(new BatchReceipt.Item(
                    index, itemResponse.status(), itemResponse.getHeader(HttpHeaders.LOCATION), answer));
        }
        BatchReceipt receipt = BatchReceipt.of(answers);
        return new WriteOutcome(HttpStatus.CREATED.value(), null, receipt, receipt);
    }

    /**
     * The Idempotency-Key an item's write records: the batch's key and the item's index. A key too long
     * to take the suffix is replaced by its hash.
     */
    static String itemKey(String batchKey, int index) {
        String suffix = "#" + index;
        String base = batchKey.length() + suffix.length() <= 255 ? batchKey : ApiKeySecrets.sha256(batchKey);
        return base + suffix;
    }

    private String resolveReferences(int index, BatchItemRequest item, String path, List<BatchReceipt.Item> answers) {
        Matcher reference = REFERENCE.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            int earlier = Integer.parseInt(reference.group(1));
            String id = answers.get(earlier).receipt().path("id").asText("");
            if (!id.matches("[A-Za-z0-9._~-]+")) {
                throw refused(
                        index,
                        item,
                        "BATCH_REFERENCE_INVALID",
                        reference.group() + " names an item whose receipt has no id to use in a path");
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    private BatchItemFailedException refused(int index, BatchItemRequest item, String code, String detail) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, code, "Invalid batch item", detail);
        return new BatchItemFailedException(
                index, endpoint(item), HttpStatus.BAD_REQUEST.value(), mapper.valueToTree(problem), null);
    }

    private static String endpoint(BatchItemRequest item) {
        return item.method() + " " + item.path();
    }

    private byte[] bytes(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an item body cannot be written", e);
        }
    }

    private JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? mapper.nullNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("an item answered with a body that is not JSON", e);
        }
    }
}
