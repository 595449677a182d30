package org.doseledger.api.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.doseledger.core.integrity.witness.Witness;
import org.doseledger.core.integrity.witness.WitnessAnswer;

/**
 * The witness over HTTP (c2sp.org/tlog-witness): {@code POST /add-checkpoint} answered by a {@link
 * Witness}, on the JDK's own HTTP server so that the witness mode starts in a fraction of a second and
 * needs neither Spring nor a database. The submission prefix is the server's root.
 *
 * <p>A body above {@value #MAX_BODY_BYTES} bytes is refused with 413 before it is read; a valid request is
 * far smaller (63 proof lines and a checkpoint with a hundred signatures fit in 20 KiB). Other paths are
 * 404 and other methods 405. A failure to store a checkpoint is 500 and cosigns nothing.
 */
public final class WitnessServer implements AutoCloseable {

    /** The path of the one endpoint, under the submission prefix. */
    public static final String ADD_CHECKPOINT_PATH = "/add-checkpoint";

    /** The largest request body read. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Witness witness;
    private final System.Logger log;

    private WitnessServer(HttpServer server, ExecutorService executor, Witness witness, System.Logger log) {
        this.server = server;
        this.executor = executor;
        this.witness = witness;
        this.log = log;
    }

    /**
     * Starts serving the witness on the address (port 0 takes a free port, see {@link #address()}).
     *
     * @throws java.net.BindException if the address is in use
     */
    public static WitnessServer start(InetSocketAddress address, Witness witness) throws IOException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(witness, "witness");
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "witness-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        WitnessServer witnessServer =
                new WitnessServer(server, executor, witness, System.getLogger(WitnessServer.class.getName()));
        server.createContext("/", witnessServer::handle);
        server.setExecutor(executor);
        server.start();
        return witnessServer;
    }

    /** The address it listens on, with the port it was given. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The submission prefix, e.g. {@code http://127.0.0.1:8091}, to which clients add {@value #ADD_CHECKPOINT_PATH}. */
    public URI uri() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    public Witness witness() {
        return witness;
    }

    /**
     * Stops listening and waits for the requests under way; a checkpoint being stored is then either stored
     * or not, never half-stored.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.log(Level.WARNING, "witness requests still running after 10 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            if (!exchange.getRequestURI().getRawPath().equals(ADD_CHECKPOINT_PATH)) {
                respond(exchange, 404, "the witness serves POST " + ADD_CHECKPOINT_PATH + " only");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, ADD_CHECKPOINT_PATH + " takes POST");
                return;
            }
            byte[] body = readBounded(exchange);
            if (body == null) {
                log.log(Level.WARNING, "checkpoint refused 413: body above " + MAX_BODY_BYTES + " bytes");
                respond(exchange, 413, "an add-checkpoint body is at most " + MAX_BODY_BYTES + " bytes");
                return;
            }
            WitnessAnswer answer = witness.addCheckpoint(body);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            send(exchange, answer.status(), answer.bodyBytes());
        } catch (IOException | RuntimeException e) {
            log.log(Level.ERROR, "add-checkpoint failed, nothing cosigned", e);
            try {
                respond(exchange, 500, "the witness could not handle the request; nothing was cosigned");
            } catch (IOException | RuntimeException alreadyAnswering) {
                // the response had begun or the client is gone: closing the exchange is all that is left
            }
        } finally {
            exchange.close();
        }
    }

    /** The body, or null if it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBounded(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // the server has already parsed it to read the body; a bad value does not get this far
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", WitnessAnswer.TEXT);
        send(exchange, status, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
