package org.doseledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.deploy.Yaml.at;
import static org.doseledger.api.deploy.Yaml.listAt;
import static org.doseledger.api.deploy.Yaml.mapAt;
import static org.doseledger.api.deploy.Yaml.string;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay under {@code deploy/k8s/overlays} rendered by {@code kubectl kustomize} (offline, as CI renders it)
 * and the objects it yields checked against each other, against the image's Dockerfile and against the runbook.
 */
class KustomizeTest {

    private static final Path OVERLAYS = DeployFiles.deploy("k8s/overlays");
    private static final Dockerfile.Stage IMAGE =
            Dockerfile.read(DeployFiles.deploy("container/Dockerfile")).finalStage();
    private static final Map<String, Rendered> RENDERED = new LinkedHashMap<>();

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            List<String> names = dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
            assertThat(names).contains("single-practice", "multi-practice");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void threeReplicasThatRollWithoutLosingCapacityAndSpreadOverNodes(String overlay) {
        Rendered objects = render(overlay);
        Object deployment = objects.one("Deployment", "dose-ledger");
        assertThat(at(deployment, "spec", "replicas")).isEqualTo(3);
        assertThat(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"))
                .isEqualTo(0);
        Map<String, Object> podLabels = mapAt(deployment, "spec", "template", "metadata", "labels");
        assertThat(podLabels).containsAllEntriesOf(mapAt(deployment, "spec", "selector", "matchLabels"));

        List<Object> spread = listAt(deployment, "spec", "template", "spec", "topologySpreadConstraints");
        assertThat(spread).anySatisfy(constraint -> {
            assertThat(string(constraint, "topologyKey")).isEqualTo("kubernetes.io/hostname");
            assertThat(podLabels).containsAllEntriesOf(mapAt(constraint, "labelSelector", "matchLabels"));
        });

        Object budget = objects.one("PodDisruptionBudget", "dose-ledger");
        assertThat(podLabels).containsAllEntriesOf(mapAt(budget, "spec", "selector", "matchLabels"));
        assertThat(at(budget, "spec", "maxUnavailable")).isEqualTo(1);

        Object service = objects.one("Service", "dose-ledger");
        assertThat(podLabels).containsAllEntriesOf(mapAt(service, "spec", "selector"));
        assertThat(objects.podsSelectedBy(mapAt(service, "spec", "selector")))
                .as("the Service sends requests to the replicas only")
                .containsExactly("Deployment/dose-ledger");
        assertThat(string(listAt(service, "spec", "ports").get(0), "targetPort"))
                .isEqualTo("http");
    }

    /** The pods run as the image's user, cannot gain privileges, and write only to volumes. */
    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunAsTheImagesUserOnAReadOnlyRootWithEveryWrittenPathOnAVolume(String overlay) {
        String uid = IMAGE.last("USER").orElseThrow().arguments().split(":")[0];
        List<String> imageVolumes =
                IMAGE.all("VOLUME").stream().flatMap(v -> v.execForm().stream()).toList();
        Rendered objects = render(overlay);
        for (Object workload : objects.workloads()) {
            String what = string(workload, "kind") + "/" + string(workload, "metadata", "name");
            Object pod = at(workload, "spec", "template", "spec");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(what).isEqualTo(true);
            assertThat(String.valueOf(at(pod, "securityContext", "runAsUser")))
                    .as(what)
                    .isEqualTo(uid);
            assertThat(string(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
            assertThat(at(pod, "automountServiceAccountToken")).isEqualTo(false);
            List<Object> allContainers = new ArrayList<>(listAt(pod, "initContainers"));
            allContainers.addAll(listAt(pod, "containers"));
            for (Object any : allContainers) {
                String which = what + " " + string(any, "name");
                assertThat(at(any, "securityContext", "readOnlyRootFilesystem"))
                        .as(which)
                        .isEqualTo(true);
                assertThat(at(any, "securityContext", "allowPrivilegeEscalation"))
                        .as(which)
                        .isEqualTo(false);
                assertThat(listAt(any, "securityContext", "capabilities", "drop"))
                        .as(which)
                        .containsExactly("ALL");
                assertThat(mapAt(any, "resources", "limits")).as(which).containsKey("memory");
            }
            Object container = listAt(pod, "containers").get(0);
            List<String> mounted = listAt(container, "volumeMounts").stream()
                    .map(m -> string(m, "mountPath"))
                    .toList();
            assertThat(mounted).as(what).containsAll(imageVolumes);
            assertThat(string(container, "image"))
                    .as("a fixed release, never latest")
                    .matches("[a-z0-9./-]+/dose-ledger:[0-9]+\\.[0-9]+\\.[0-9]+");
            assertThat(mapAt(container, "resources", "requests")).containsKeys("cpu", "memory");
            assertThat(mapAt(container, "resources", "limits")).containsKey("memory");
        }
    }

    /**
     * After a key rotation, every pod must still trust the earlier keys' public halves: an init container copies them
     * from the optional ConfigMap into the data directory's keys/, owner-only. Its script is run here on stand-in
     * directories.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodTrustsThePublicKeysOfEarlierSigningKeys(String overlay, @TempDir Path dir) throws Exception {
        String dataDir = IMAGE.env().get("LEDGER_DATA_DIR");
        for (Object workload : render(overlay).workloads()) {
            Object pod = at(workload, "spec", "template", "spec");
            Object init = listAt(pod, "initContainers").get(0);
            String mounted = listAt(init, "volumeMounts").stream()
                    .filter(m -> !dataDir.equals(string(m, "mountPath")))
                    .map(m -> string(m, "mountPath"))
                    .findFirst()
                    .orElseThrow();
            Object volume = listAt(pod, "volumes").stream()
                    .filter(v -> at(v, "configMap") != null)
                    .findFirst()
                    .orElseThrow();
            assertThat(string(volume, "configMap", "name")).isEqualTo("dose-ledger-trusted-keys");
            assertThat(at(volume, "configMap", "optional"))
                    .as("absent until the first rotation")
                    .isEqualTo(true);
            assertThat(volumeAt(init, dataDir))
                    .isEqualTo(volumeAt(listAt(pod, "containers").get(0), dataDir));

            Path data = Files.createDirectories(dir.resolve(string(workload, "kind") + "/data"));
            Path trusted = Files.createDirectories(dir.resolve(string(workload, "kind") + "/trusted"));
            Files.writeString(trusted.resolve("k-2025.pub"), "-----BEGIN PUBLIC KEY-----\n");
            List<Object> command = listAt(init, "command");
            String script =
                    command.get(2).toString().replace(dataDir, data.toString()).replace(mounted, trusted.toString());
            Process process = new ProcessBuilder("bash", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/k-2025.pub"))))
                    .isEqualTo("rw-------");

            Files.delete(trusted.resolve("k-2025.pub"));
            Process empty = new ProcessBuilder("bash", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            assertThat(empty.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(empty.exitValue())
                    .as("no ConfigMap, nothing to copy: the pod still starts")
                    .isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskForLivenessAndReadinessOnTheImagesPort(String overlay) {
        for (Object workload : render(overlay).workloads()) {
            Object container =
                    listAt(workload, "spec", "template", "spec", "containers").get(0);
            Object port = listAt(container, "ports").get(0);
            assertThat(string(port, "name")).isEqualTo("http");
            assertThat(String.valueOf(at(port, "containerPort")))
                    .isEqualTo(IMAGE.env().get("SERVER_PORT"));
            assertThat(string(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(string(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(string(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
                assertThat(string(container, probe, "httpGet", "port")).isEqualTo("http");
            }
        }
    }

    /**
     * The service reaches the CloudNativePG cluster's primary, as the role the cluster manages, with the password the
     * cluster sets; Flyway runs as the database's owner. Exactly one pod seals, on a volume of its own.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theServiceConnectsToTheClustersPrimaryAsItsRolesAndOnePodSeals(String overlay) {
        Rendered objects = render(overlay);
        Object cluster = objects.one("Cluster", "ledger-db");
        Map<String, String> config = objects.configMap("dose-ledger-config");
        assertThat(config.get("LEDGER_DB_URL"))
                .startsWith("jdbc:postgresql://" + string(cluster, "metadata", "name") + "-rw:5432/"
                        + string(cluster, "spec", "bootstrap", "initdb", "database") + "?");
        assertThat(config).containsEntry("LEDGER_EMBEDDED_POSTGRES_ENABLED", "false");
        assertThat(config.get("SPRING_FLYWAY_USER")).isEqualTo(string(cluster, "spec", "bootstrap", "initdb", "owner"));
        Object appRole = listAt(cluster, "spec", "managed", "roles").stream()
                .filter(role -> config.get("LEDGER_DB_USER").equals(string(role, "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the cluster does not manage " + config.get("LEDGER_DB_USER")));
        assertThat(at(appRole, "login")).isEqualTo(true);

        List<String> sealing = new ArrayList<>();
        for (Object workload : objects.workloads()) {
            String what = string(workload, "kind") + "/" + string(workload, "metadata", "name");
            Object container =
                    listAt(workload, "spec", "template", "spec", "containers").get(0);
            Map<String, Object> env = objects.env(container);
            assertThat(env.get("LEDGER_DB_PASSWORD"))
                    .as(what)
                    .isEqualTo("secret " + string(appRole, "passwordSecret", "name") + "/password");
            assertThat(env.get("SPRING_FLYWAY_PASSWORD"))
                    .isEqualTo(
                            "secret " + string(cluster, "spec", "bootstrap", "initdb", "secret", "name") + "/password");
            assertThat(env.get("LEDGER_PRIVACY_MASTER_KEY")).isEqualTo("secret dose-ledger-keys/privacy-master-key");
            assertThat(env.get("LEDGER_INTEGRITY_SIGNING_KEY"))
                    .isEqualTo("secret dose-ledger-keys/integrity-signing-key");
            assertThat(env.get("LEDGER_INITIAL_ADMIN_KEY"))
                    .as("the first admin key is configuration, not a file on whichever pod started first")
                    .isEqualTo("secret dose-ledger-keys/initial-admin-key");
            if ("true".equals(env.get("LEDGER_INTEGRITY_SEALING"))) {
                sealing.add(what);
                assertThat(at(workload, "spec", "replicas")).isEqualTo(1);
                assertThat(listAt(workload, "spec", "volumeClaimTemplates").stream()
                                .map(claim -> string(claim, "metadata", "name")))
                        .as("the sealer's data directory is a persistent volume")
                        .contains(volumeAt(container, IMAGE.env().get("LEDGER_DATA_DIR")));
            } else {
                assertThat(env.get("LEDGER_INTEGRITY_SEALING")).as(what).isEqualTo("false");
            }
            String exports = volumeAt(container, config.get("LEDGER_EXPORTS_DIRECTORY"));
            Object volume = listAt(workload, "spec", "template", "spec", "volumes").stream()
                    .filter(v -> exports.equals(string(v, "name")))
                    .findFirst()
                    .orElseThrow();
            assertThat(at(volume, "emptyDir"))
                    .as("scratch while a bundle is written: every replica serves every bundle from PostgreSQL")
                    .isNotNull();
        }
        assertThat(sealing).containsExactly("StatefulSet/dose-ledger-sealer");
    }

    /** Continuous WAL archiving and a daily base backup, through the Barman Cloud plugin (not the deprecated in-tree way). */
    @ParameterizedTest
    @MethodSource("overlays")
    void theDatabaseIsAPostgres17ClusterWithContinuousBackups(String overlay) {
        Rendered objects = render(overlay);
        Object cluster = objects.one("Cluster", "ledger-db");
        assertThat(string(cluster, "apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(string(cluster, "spec", "imageName"))
                .matches("ghcr\\.io/cloudnative-pg/postgresql:17(\\.[0-9]+)?.*");
        assertThat((Integer) at(cluster, "spec", "instances")).isGreaterThanOrEqualTo(2);
        assertThat(at(cluster, "spec", "backup", "barmanObjectStore")).isNull();
        Object plugin = listAt(cluster, "spec", "plugins").get(0);
        assertThat(string(plugin, "name")).isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(at(plugin, "isWALArchiver")).isEqualTo(true);
        Object store = objects.one("ObjectStore", string(plugin, "parameters", "barmanObjectName"));
        assertThat(string(store, "apiVersion")).isEqualTo("barmancloud.cnpg.io/v1");
        assertThat(string(store, "spec", "configuration", "destinationPath")).startsWith("s3://");
        assertThat(string(store, "spec", "retentionPolicy")).matches("[0-9]+[dwm]");
        Object scheduled = objects.all("ScheduledBackup").get(0);
        assertThat(string(scheduled, "spec", "cluster", "name")).isEqualTo("ledger-db");
        assertThat(string(scheduled, "spec", "method")).isEqualTo("plugin");
        assertThat(string(scheduled, "spec", "pluginConfiguration", "name")).isEqualTo(string(plugin, "name"));
        assertThat(string(scheduled, "spec", "schedule").split(" "))
                .as("six fields, seconds first")
                .hasSize(6);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesLetThroughOnlyWhatTheServiceAndTheDatabaseNeed(String overlay) {
        Rendered objects = render(overlay);
        Object app = objects.one("NetworkPolicy", "dose-ledger");
        Map<String, Object> podLabels =
                mapAt(objects.one("Deployment", "dose-ledger"), "spec", "template", "metadata", "labels");
        assertThat(podLabels).containsAllEntriesOf(mapAt(app, "spec", "podSelector", "matchLabels"));
        assertThat(listAt(app, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(listAt(app, "spec", "ingress"))
                .allSatisfy(rule -> assertThat(listAt(rule, "ports"))
                        .allSatisfy(port -> assertThat(string(port, "port")).isEqualTo("http")));
        List<Object> egress = listAt(app, "spec", "egress");
        assertThat(egress).anySatisfy(rule -> {
            assertThat(string(listAt(rule, "to").get(0), "podSelector", "matchLabels", "cnpg.io/cluster"))
                    .isEqualTo("ledger-db");
            assertThat(at(listAt(rule, "ports").get(0), "port")).isEqualTo(5432);
        });
        assertThat(egress)
                .anySatisfy(rule ->
                        assertThat(at(listAt(rule, "ports").get(0), "port")).isEqualTo(53));
        Object database = objects.one("NetworkPolicy", "ledger-db");
        assertThat(listAt(database, "spec", "ingress")).anySatisfy(rule -> {
            assertThat(listAt(rule, "from"))
                    .anySatisfy(from ->
                            assertThat(podLabels).containsAllEntriesOf(mapAt(from, "podSelector", "matchLabels")));
            assertThat(at(listAt(rule, "ports").get(0), "port")).isEqualTo(5432);
        });
    }

    /** Prometheus finds every pod; the rules are those of the compose file, whose metrics ComposeFileTest checks. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodIsScrapedAndTheAlertRulesAreTheComposeFilesRules(String overlay) {
        Rendered objects = render(overlay);
        Object monitor = objects.one("ServiceMonitor", "dose-ledger");
        Map<String, Object> selector = mapAt(monitor, "spec", "selector", "matchLabels");
        Set<String> scraped = new TreeSet<>();
        for (Object service : objects.all("Service")) {
            if (mapAt(service, "metadata", "labels").entrySet().containsAll(selector.entrySet())) {
                scraped.addAll(objects.podsSelectedBy(mapAt(service, "spec", "selector")));
                assertThat(listAt(service, "spec", "ports").stream().map(p -> string(p, "name")))
                        .contains("http");
            }
        }
        assertThat(scraped).containsExactlyInAnyOrder("Deployment/dose-ledger", "StatefulSet/dose-ledger-sealer");
        Object endpoint = listAt(monitor, "spec", "endpoints").get(0);
        assertThat(string(endpoint, "path")).isEqualTo("/actuator/prometheus");
        assertThat(string(endpoint, "port")).isEqualTo("http");
        assertThat(string(monitor, "spec", "jobLabel")).isEqualTo("app.kubernetes.io/name");
        assertThat(selector).containsEntry("app.kubernetes.io/name", "dose-ledger");

        Object rules = objects.one("PrometheusRule", "dose-ledger");
        assertThat(at(rules, "spec", "groups"))
                .isEqualTo(at(Yaml.read(DeployFiles.deploy("compose/prometheus/alerts.yml")), "groups"));
    }

    /** No secret is in Git: every Secret the objects name is one the runbook tells the operator to create. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretTheObjectsNameIsOneTheRunbookCreates(String overlay) throws IOException {
        Rendered objects = render(overlay);
        assertThat(objects.all("Secret")).isEmpty();
        Set<String> named = new TreeSet<>();
        for (Object workload : objects.workloads()) {
            for (Object value : objects.env(listAt(workload, "spec", "template", "spec", "containers")
                            .get(0))
                    .values()) {
                if (value.toString().startsWith("secret ")) {
                    named.add(value.toString().substring(7).split("/")[0]);
                }
            }
        }
        Object cluster = objects.one("Cluster", "ledger-db");
        named.add(string(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
        for (Object role : listAt(cluster, "spec", "managed", "roles")) {
            named.add(string(role, "passwordSecret", "name"));
        }
        for (Object store : objects.all("ObjectStore")) {
            named.add(string(store, "spec", "configuration", "s3Credentials", "accessKeyId", "name"));
            named.add(string(store, "spec", "configuration", "s3Credentials", "secretAccessKey", "name"));
        }
        for (Object ingress : objects.all("Ingress")) {
            for (Object tls : listAt(ingress, "spec", "tls")) {
                named.add(string(tls, "secretName"));
            }
        }
        String runbook = Files.readString(DeployFiles.deploy("README.md"));
        Set<String> created = new TreeSet<>();
        Matcher command = Pattern.compile("kubectl -n \\S+ create secret [a-z-]+ ([a-z0-9-]+)")
                .matcher(runbook);
        while (command.find()) {
            created.add(command.group(1));
        }
        assertThat(created).containsAll(named);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNamespacedObjectLandsInTheOverlaysNamespace(String overlay) {
        Rendered objects = render(overlay);
        Set<String> namespaces = new TreeSet<>();
        for (Object object : objects.objects()) {
            namespaces.add(String.valueOf(at(object, "metadata", "namespace")));
        }
        assertThat(namespaces).hasSize(1).doesNotContain("null");
    }

    private static String volumeAt(Object container, String mountPath) {
        return listAt(container, "volumeMounts").stream()
                .filter(mount -> mountPath.equals(string(mount, "mountPath")))
                .map(mount -> string(mount, "name"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + mountPath));
    }

    private static synchronized Rendered render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, KustomizeTest::kustomize);
    }

    private static Rendered kustomize(String overlay) {
        assumeTrue(
                DatabaseRolesSetupTest.onPath("kubectl"),
                "kubectl is not installed: the Kustomize overlays cannot be rendered here");
        try {
            Process process = new ProcessBuilder(
                            "kubectl", "kustomize", OVERLAYS.resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize " + overlay).isZero();
            return new Rendered(
                    Yaml.readAll(output).stream().map(o -> (Object) o).toList());
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + overlay + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Rendered(List<Object> objects) {

        List<Object> all(String kind) {
            return objects.stream().filter(o -> kind.equals(string(o, "kind"))).toList();
        }

        Object one(String kind, String name) {
            List<Object> found = all(kind).stream()
                    .filter(o -> name.equals(string(o, "metadata", "name")))
                    .toList();
            assertThat(found).as(kind + "/" + name).hasSize(1);
            return found.get(0);
        }

        List<Object> workloads() {
            List<Object> workloads = new ArrayList<>(all("Deployment"));
            workloads.addAll(all("StatefulSet"));
            assertThat(workloads).hasSize(2);
            return workloads;
        }

        /** A generated ConfigMap, found by the name before Kustomize's hash suffix. */
        Map<String, String> configMap(String name) {
            List<Object> found = all("ConfigMap").stream()
                    .filter(o -> string(o, "metadata", "name").matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                    .toList();
            assertThat(found).hasSize(1);
            Map<String, String> data = new LinkedHashMap<>();
            mapAt(found.get(0), "data").forEach((k, v) -> data.put(k, String.valueOf(v)));
            return data;
        }

        /** The container's environment: plain values, ConfigMap entries it imports, and "secret name/key". */
        Map<String, Object> env(Object container) {
            Map<String, Object> env = new LinkedHashMap<>();
            for (Object from : listAt(container, "envFrom")) {
                String configMap = string(from, "configMapRef", "name");
                for (Object candidate : all("ConfigMap")) {
                    if (configMap.equals(string(candidate, "metadata", "name"))) {
                        env.putAll(mapAt(candidate, "data"));
                    }
                }
            }
            for (Object variable : listAt(container, "env")) {
                Object secret = at(variable, "valueFrom", "secretKeyRef");
                env.put(
                        string(variable, "name"),
                        secret != null
                                ? "secret " + string(secret, "name") + "/" + string(secret, "key")
                                : String.valueOf(at(variable, "value")));
            }
            return env;
        }

        /** Deployment/StatefulSet names whose pods carry every label of the selector. */
        List<String> podsSelectedBy(Map<String, Object> selector) {
            List<String> selected = new ArrayList<>();
            for (Object workload : workloads()) {
                Map<String, Object> labels = mapAt(workload, "spec", "template", "metadata", "labels");
                if (labels.entrySet().containsAll(selector.entrySet())) {
                    selected.add(string(workload, "kind") + "/" + string(workload, "metadata", "name"));
                }
            }
            return selected;
        }
    }
}
