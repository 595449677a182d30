package org.doseledger.api.witness;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.doseledger.core.integrity.tlog.AddCheckpointRequest;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.Cosignature;
import org.doseledger.core.integrity.tlog.MalformedNoteException;
import org.doseledger.core.integrity.tlog.NoteSignature;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.VerifierKey;

/**
 * What the ledger asks a witness with: one c2sp.org/tlog-witness add-checkpoint request, answered as a
 * {@link WitnessReply}. It never throws for what the witness or the network does (refusals, timeouts,
 * garbage): a ledger asks several witnesses and carries on with those that cosign.
 *
 * <p>A 200 answer is trusted only as far as it verifies: the lines that claim the witness's key (its name
 * and key ID) must all be valid cosignatures of the submitted checkpoint, and there must be at least one;
 * lines of other keys are ignored. Answers above {@value #MAX_RESPONSE_BYTES} bytes are not read.
 */
public final class WitnessClient {

    /** The largest answer read. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private static final int REASON_LENGTH = 300;

    private final HttpClient http;

    public WitnessClient(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http client");
    }

    /** A client over a new HTTP/1.1 client. */
    public WitnessClient() {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /**
     * Submits the request to the witness and waits at most {@code timeout} for its whole answer.
     *
     * @param witness the witness's submission prefix, e.g. {@code https://witness.example/w1}; the request
     *     goes to that plus {@code /add-checkpoint}
     * @param witnessKey the witness's verifier key (type 0x04), which its cosignatures must verify under
     */
    public WitnessReply addCheckpoint(
            URI witness, VerifierKey witnessKey, AddCheckpointRequest request, Duration timeout) {
        Objects.requireNonNull(witnessKey, "witness key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (witnessKey.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a witness key is a cosignature/v1 key (type 0x04): " + witnessKey);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        URI target = addCheckpointUri(witness);
        HttpRequest httpRequest = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toBytes()))
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(httpRequest, info -> new BoundedBody(MAX_RESPONSE_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new WitnessReply.Failed("no answer from " + target + " within " + timeout);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new WitnessReply.Failed("interrupted while waiting for " + target);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // the request's own timeout can fire just before the wait's: the same answer either way
                return new WitnessReply.Failed("no answer from " + target + " within " + timeout);
            }
            return new WitnessReply.Failed("no answer from " + target + ": " + describe(cause));
        }
        return interpret(
                target,
                witnessKey,
                request.checkpointBody(),
                response.statusCode(),
                contentType(response),
                response.body());
    }

    /** The submission prefix with {@code /add-checkpoint} appended. */
    static URI addCheckpointUri(URI witness) {
        Objects.requireNonNull(witness, "witness");
        String scheme = witness.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || witness.getRawAuthority() == null
                || witness.getRawQuery() != null
                || witness.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "a witness is an http(s) URL prefix without query or fragment: " + witness);
        }
        String prefix = witness.toString();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return URI.create(prefix + WitnessServer.ADD_CHECKPOINT_PATH);
    }

    private static WitnessReply interpret(
            URI target, VerifierKey witnessKey, Checkpoint checkpoint, int status, String contentType, byte[] body) {
        if (body == null) {
            return new WitnessReply.Failed(
                    "the answer of " + target + " (" + status + ") is above " + MAX_RESPONSE_BYTES + " bytes");
        }
        String text = utf8OrNull(body);
        if (status == 200) {
            return text == null
                    ? new WitnessReply.Failed("the cosignatures of " + target + " are not UTF-8 text")
                    : cosigned(target, witnessKey, checkpoint, text);
        }
        if (status == 409 && AddCheckpointRequest.CONFLICT_CONTENT_TYPE.equals(contentType)) {
            try {
                return new WitnessReply.SizeConflict(AddCheckpointRequest.parseConflictBody(text == null ? "" : text));
            } catch (IllegalArgumentException e) {
                return new WitnessReply.Failed(
                        "the 409 answer of " + target + " is not a tree size: " + e.getMessage());
            }
        }
        return new WitnessReply.Refused(status, oneLine(text == null ? "(not UTF-8 text)" : text));
    }

    private static WitnessReply cosigned(URI target, VerifierKey witnessKey, Checkpoint checkpoint, String text) {
        List<NoteSignature> lines;
        try {
            lines = NoteSignature.parseLines(text);
        } catch (MalformedNoteException e) {
            return new WitnessReply.Failed(
                    "the answer of " + target + " is not note signature lines: " + e.getMessage());
        }
        List<Cosignature> cosignatures = new ArrayList<>();
        for (NoteSignature line : lines) {
            if (!line.claims(witnessKey)) {
                continue;
            }
            Cosignature cosignature;
            try {
                cosignature = Cosignature.fromNoteSignature(line);
            } catch (MalformedNoteException e) {
                return new WitnessReply.Failed("a line of " + witnessKey.name() + " from " + target
                        + " is not a cosignature: " + e.getMessage());
            }
            if (!cosignature.verifies(checkpoint, witnessKey)) {
                return new WitnessReply.Failed("the cosignature of " + witnessKey.name() + " from " + target
                        + " does not verify for " + checkpoint);
            }
            cosignatures.add(cosignature);
        }
        if (cosignatures.isEmpty()) {
            return new WitnessReply.Failed("the answer of " + target + " has no cosignature by " + witnessKey
                    + ", only by " + lines.stream().map(NoteSignature::keyName).toList());
        }
        return new WitnessReply.Cosigned(cosignatures);
    }

    /** The media type, without parameters, in lower case. */
    private static String contentType(HttpResponse<?> response) {
        String value = response.headers().firstValue("Content-Type").orElse("");
        int parameters = value.indexOf(';');
        return (parameters < 0 ? value : value.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The text with control characters as spaces, cut to a length fit for a log line. */
    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\p{Cntrl}", " ");
        return line.length() <= REASON_LENGTH ? line : line.substring(0, REASON_LENGTH) + "...";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Collects an answer's bytes up to a limit; above it, stops reading and completes with null, so that a
     * witness cannot make the ledger buffer an endless answer.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.complete(null);
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
