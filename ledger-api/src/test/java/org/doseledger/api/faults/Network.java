package org.doseledger.api.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for a test cluster: PostgreSQL in one, each service node in its own, each node joined to the
 * database by a veth pair of its own (10.77.k.0/30) and to the test by another (10.78.k.0/30), the test joined to
 * the database by a third (10.79.0.0/30). A node is cut off from PostgreSQL by taking the database's end of its link
 * down: its packets are dropped without an error, as on a real partition, while the test still reaches it. Nothing
 * is routed anywhere else; everything is removed at the end.
 */
final class Network implements AutoCloseable {

    static final String DATABASE = "dlf-db";

    private final int nodes;

    private Network(int nodes) {
        this.nodes = nodes;
    }

    static boolean available() {
        return "root".equals(System.getProperty("user.name"))
                && List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip").stream()
                        .anyMatch(path -> new java.io.File(path).canExecute());
    }

    static Network create(int nodes) {
        Network network = new Network(nodes);
        network.removeLeftovers();
        ip("netns", "add", DATABASE);
        ip("-n", DATABASE, "link", "set", "lo", "up");
        link(null, "dlf-tdb", "10.79.0.1/30", DATABASE, "dlf-dbt", "10.79.0.2/30");
        for (int k = 1; k <= nodes; k++) {
            String ns = node(k);
            ip("netns", "add", ns);
            ip("-n", ns, "link", "set", "lo", "up");
            link(ns, "dlf-n" + k + "db", "10.77." + k + ".2/30", DATABASE, databaseEnd(k), "10.77." + k + ".1/30");
            link(ns, "dlf-n" + k + "t", "10.78." + k + ".2/30", null, "dlf-t" + k, "10.78." + k + ".1/30");
        }
        return network;
    }

    static String node(int k) {
        return "dlf-n" + k;
    }

    /** The address at which node k reaches PostgreSQL. */
    static String databaseAddressFor(int k) {
        return "10.77." + k + ".1";
    }

    /** The address at which the test reaches node k. */
    static String nodeAddress(int k) {
        return "10.78." + k + ".2";
    }

    /** The address at which the test reaches PostgreSQL. */
    static String databaseAddress() {
        return "10.79.0.2";
    }

    void cut(int k) {
        ip("-n", DATABASE, "link", "set", databaseEnd(k), "down");
    }

    void restore(int k) {
        ip("-n", DATABASE, "link", "set", databaseEnd(k), "up");
    }

    /** The command prefix that runs a program in node k's namespace. */
    static List<String> in(String namespace) {
        return List.of("ip", "netns", "exec", namespace);
    }

    private static String databaseEnd(int k) {
        return "dlf-db" + k;
    }

    /** A veth pair between two namespaces (null: the test's own), with an address on each end. */
    private static void link(
            String leftNs, String left, String leftAddress, String rightNs, String right, String rightAddress) {
        ip("link", "add", left, "type", "veth", "peer", "name", right);
        place(leftNs, left, leftAddress);
        place(rightNs, right, rightAddress);
    }

    private static void place(String namespace, String device, String address) {
        if (namespace != null) {
            ip("link", "set", device, "netns", namespace);
            ip("-n", namespace, "addr", "add", address, "dev", device);
            ip("-n", namespace, "link", "set", device, "up");
        } else {
            ip("addr", "add", address, "dev", device);
            ip("link", "set", device, "up");
        }
    }

    /**
     * Removes the namespaces of this suite (and of an earlier run that did not end cleanly): the processes in them
     * (this suite's nodes and PostgreSQL) are stopped first, since a namespace lives on, links and all, while a
     * process is in it; then the test's ends of the links.
     */
    private void removeLeftovers() {
        List<String> namespaces = new ArrayList<>();
        for (int k = 1; k <= nodes; k++) {
            namespaces.add(node(k));
        }
        namespaces.add(DATABASE);
        for (String namespace : namespaces) {
            for (String pid : output("netns", "pids", namespace).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        for (String namespace : namespaces) {
            quietly("netns", "del", namespace);
        }
        quietly("link", "del", "dlf-tdb");
        for (int k = 1; k <= nodes; k++) {
            quietly("link", "del", "dlf-t" + k);
        }
    }

    private static String output(String... arguments) {
        try {
            return run(arguments);
        } catch (IllegalStateException e) {
            return "";
        }
    }

    @Override
    public void close() {
        // deleting a namespace deletes its ends of the veth pairs, and with them the test's ends
        removeLeftovers();
    }

    private static void quietly(String... arguments) {
        try {
            run(arguments);
        } catch (IllegalStateException ignored) {
            // not there
        }
    }

    private static void ip(String... arguments) {
        run(arguments);
    }

    private static String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(command + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
