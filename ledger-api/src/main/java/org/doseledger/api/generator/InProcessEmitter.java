package org.doseledger.api.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.doseledger.api.apikey.ApiKeyIssuer;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.web.RequestIdFilter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteContextResolver;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Writes a practice history inside the running service, without HTTP: the facts of a practice go in
 * chunks as {@code POST /api/practices/{p}/batches} handed straight to the DispatcherServlet, so each
 * fact passes the same role and tenant checks, body validation, idempotent write and command handlers
 * as over REST, and a chunk is one transaction. What the servlet filters do for a request (the API key
 * check, the request id) is done here: the emitter issues itself an ADMIN key with the service's own
 * {@link ApiKeyIssuer}, registers each practice with it and issues a PRACTICE_WRITER key per practice
 * through the API, as {@link RestEmitter} does. A chunk ends early at a practice change and before a
 * fact whose body needs an id from the chunk (a correction of the waste just written); an id a path
 * needs from the chunk is the batch's {@code {item:N}}. A chunk refused with 429 is sent again after
 * its Retry-After (it wrote nothing); any other refusal stops the run.
 */
public final class InProcessEmitter {

    public static final int DEFAULT_CHUNK = 100;

    private static final Pattern REFERENCE = Pattern.compile("\\{(id|event):([^}]+)}");

    private final DispatcherServlet dispatcher;
    private final ServletContext servletContext;
    private final ApiKeyIssuer issuer;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String idempotencyPrefix;
    private final int chunkSize;
    private final FactReferences references = new FactReferences();
    private final Map<String, ApiCredential> writers = new HashMap<>();
    private final List<PracticeFact> chunk = new ArrayList<>();
    private final List<ObjectNode> items = new ArrayList<>();
    private final Map<String, Integer> chunkIds = new HashMap<>();
    private ApiCredential admin;
    private long requests;
    private long sent;
    private long events;
    private long lastPosition;

    /**
     * @param context the running service's context (a web application context)
     * @param idempotencyPrefix makes the run's Idempotency-Keys unique, as for {@link RestEmitter}
     * @param chunkSize facts per batch, at most the service's {@code ledger.batch.max-items}
     */
    public InProcessEmitter(ApplicationContext context, String idempotencyPrefix, int chunkSize) {
        if (!(context instanceof WebApplicationContext web) || web.getServletContext() == null) {
            throw new IllegalArgumentException("the in-process mode needs the running web service's context");
        }
        this.dispatcher = context.getBean(DispatcherServlet.class);
        this.servletContext = web.getServletContext();
        this.issuer = context.getBean(ApiKeyIssuer.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.mapper = context.getBean(ObjectMapper.class);
        this.clock = context.getBean(Clock.class);
        this.idempotencyPrefix = idempotencyPrefix;
        this.chunkSize = chunkSize;
        if (dispatcher.getHandlerMappings() == null) {
            throw new IllegalStateException("the DispatcherServlet is not initialised yet: start the service with"
                    + " spring.mvc.servlet.load-on-startup=1, or send it a request first");
        }
    }

    public EmitResult emit(Stream<PracticeFact> facts) {
        long started = System.nanoTime();
        admin = issueAdminKey();
        Iterator<PracticeFact> iterator = facts.iterator();
        while (iterator.hasNext()) {
            PracticeFact fact = iterator.next();
            if (fact.kind().equals(PracticeFact.REGISTER_PRACTICE)) {
                flush();
                JsonNode receipt = single(fact, admin);
                count(fact, receipt);
                writers.put(fact.practiceId(), issueWriterKey(fact.practiceId()));
                continue;
            }
            if (!chunk.isEmpty()
                    && (!chunk.get(0).practiceId().equals(fact.practiceId())
                            || chunk.size() == chunkSize
                            || needsAnEarlierAnswer(fact))) {
                flush();
            }
            add(fact);
        }
        flush();
        return new EmitResult(sent, events, lastPosition, Duration.ofNanos(System.nanoTime() - started));
    }

    /** A body reference, or an event reference, to a fact of the open chunk: only an id in a path can wait. */
    private boolean needsAnEarlierAnswer(PracticeFact fact) {
        Matcher inBody = REFERENCE.matcher(json(fact.body()));
        while (inBody.find()) {
            if (chunkIds.containsKey(inBody.group())) {
                return true;
            }
        }
        Matcher inPath = REFERENCE.matcher(fact.path());
        while (inPath.find()) {
            if (inPath.group(1).equals("event") && chunkIds.containsKey(inPath.group())) {
                return true;
            }
        }
        return false;
    }

    private void add(PracticeFact fact) {
        Matcher inPath = REFERENCE.matcher(fact.path());
        StringBuilder path = new StringBuilder();
        while (inPath.find()) {
            Integer item = chunkIds.get(inPath.group());
            inPath.appendReplacement(
                    path, Matcher.quoteReplacement(item != null ? "{item:" + item + "}" : inPath.group()));
        }
        inPath.appendTail(path);
        ObjectNode item = mapper.createObjectNode();
        item.put("method", "POST");
        item.put("path", references.resolve(path.toString()));
        item.set("body", tree(references.resolve(json(fact.body()))));
        if (fact.practitionerId() != null) {
            item.put("practitionerId", fact.practitionerId());
        }
        if (fact.keepIdAs() != null) {
            chunkIds.put("{id:" + fact.keepIdAs() + "}", chunk.size());
        }
        if (fact.keepEventIdAs() != null) {
            chunkIds.put("{event:" + fact.keepEventIdAs() + "}", chunk.size());
        }
        chunk.add(fact);
        items.add(item);
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        String practice = chunk.get(0).practiceId();
        ObjectNode batch = mapper.createObjectNode();
        ArrayNode list = batch.putArray("items");
        items.forEach(list::add);
        LocalExchange answer = dispatch(
                "/api/practices/" + practice + "/batches", bytes(batch), null, writers.get(practice), chunk.get(0));
        JsonNode receipt = tree(answer.responseBody());
        if (answer.status() != 201) {
            int failed = receipt.path("failedItem").asInt(0);
            throw new GeneratorException(
                    chunk.get(Math.min(failed, chunk.size() - 1)), answer.status() + " " + receipt);
        }
        for (int index = 0; index < chunk.size(); index++) {
            count(chunk.get(index), receipt.path("items").path(index).path("receipt"));
        }
        chunk.clear();
        items.clear();
        chunkIds.clear();
    }

    private void count(PracticeFact fact, JsonNode receipt) {
        sent++;
        events += receipt.path("events").size();
        lastPosition = Math.max(lastPosition, receipt.path("ledgerPosition").asLong());
        references.keep("id", fact.keepIdAs(), receipt.path("id").asText(null));
        references.keep(
                "event",
                fact.keepEventIdAs(),
                receipt.path("events").path(0).path("eventId").asText(null));
    }

    private JsonNode single(PracticeFact fact, ApiCredential credential) {
        LocalExchange answer = dispatch(
                references.resolve(fact.path()),
                references.resolve(json(fact.body())).getBytes(StandardCharsets.UTF_8),
                fact.practitionerId(),
                credential,
                fact);
        JsonNode receipt = tree(answer.responseBody());
        if (answer.status() / 100 != 2) {
            throw new GeneratorException(fact, answer.status() + " " + receipt);
        }
        return receipt;
    }

    /** One request through the DispatcherServlet as the credential; a 429 is sent again after Retry-After. */
    private LocalExchange dispatch(
            String path, byte[] body, String practitionerId, ApiCredential credential, PracticeFact first) {
        String key = idempotencyPrefix + "-" + requests++;
        while (true) {
            Map<String, String> headers = new HashMap<>();
            headers.put(WriteContextResolver.IDEMPOTENCY_KEY, key);
            headers.put(WriteContextResolver.PRACTITIONER, practitionerId);
            LocalExchange exchange = new LocalExchange(servletContext, path, body, headers);
            exchange.setAttribute(RequestIdFilter.ATTRIBUTE, key);
            SecurityContextHolder.getContext()
                    .setAuthentication(new UsernamePasswordAuthenticationToken(
                            credential, null, List.of(new SimpleGrantedAuthority("ROLE_" + credential.role()))));
            try {
                dispatcher.service(exchange.request(), exchange.response());
            } catch (ServletException e) {
                throw new GeneratorException(first, "the request could not be dispatched: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                SecurityContextHolder.clearContext();
            }
            if (exchange.status() != 429) {
                return exchange;
            }
            RetryAfter.pause(exchange.responseHeader(HttpHeaders.RETRY_AFTER));
        }
    }

    private ApiCredential issueAdminKey() {
        var issued = transactions.execute(status -> issuer.issue(
                new WriteContext(ApiCredential.SYSTEM, idempotencyPrefix, null, null, clock.instant()),
                Role.ADMIN,
                null,
                "practice generator (in-process)",
                clock.instant().plus(Duration.ofHours(12))));
        return ApiCredential.of(issued.keyId(), Role.ADMIN, Set.of());
    }

    private ApiCredential issueWriterKey(String practiceId) {
        Map<String, Object> body = PracticeHistory.map(
                "role", "PRACTICE_WRITER", "practiceId", practiceId, "label", "practice generator " + practiceId);
        PracticeFact issue =
                new PracticeFact("ISSUE_KEY", practiceId, "/api/admin/api-keys", body, null, null, null, null);
        JsonNode issued = single(issue, admin);
        return ApiCredential.of(issued.path("keyId").asText(), Role.PRACTICE_WRITER, Set.of(PracticeId.of(practiceId)));
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fact's body cannot be written as JSON", e);
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch cannot be written as JSON", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private JsonNode tree(byte[] json) {
        try {
            return json.length == 0 ? mapper.nullNode() : mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the service answered with a body that is not JSON", e);
        }
    }
}
