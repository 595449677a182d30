package org.doseledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.deploy.Yaml.at;
import static org.doseledger.api.deploy.Yaml.list;
import static org.doseledger.api.deploy.Yaml.listAt;
import static org.doseledger.api.deploy.Yaml.map;
import static org.doseledger.api.deploy.Yaml.mapAt;
import static org.doseledger.api.deploy.Yaml.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose}: two replicas of the image behind nginx, PostgreSQL 17 with its roles, Prometheus and Grafana,
 * read as Compose would read them, without a container engine. The alert rules and the dashboard are checked against
 * what this service really exposes at {@code /actuator/prometheus}.
 */
class ComposeFileTest extends EndToEndTest {

    private static final Path DIR = DeployFiles.deploy("compose");
    private static final Map<String, Object> COMPOSE = Yaml.read(DIR.resolve("compose.yaml"));
    private static final Map<String, Object> SERVICES = mapAt(COMPOSE, "services");
    private static final Dockerfile.Stage IMAGE =
            Dockerfile.read(DeployFiles.deploy("container/Dockerfile")).finalStage();

    @Test
    void twoReplicasOfTheImageAPostgresAProxyPrometheusAndGrafana() {
        assertThat(SERVICES).containsOnlyKeys("postgres", "ledger-1", "ledger-2", "proxy", "prometheus", "grafana");
        assertThat(ledgerServices()).containsExactly("ledger-1", "ledger-2");
        for (String name : ledgerServices()) {
            Object service = SERVICES.get(name);
            Path context = DIR.resolve(string(service, "build", "context")).normalize();
            assertThat(context.resolve(string(service, "build", "dockerfile")))
                    .isEqualTo(DeployFiles.deploy("container/Dockerfile"));
            assertThat(at(service, "read_only")).as(name + " read_only").isEqualTo(true);
            assertThat(listAt(service, "tmpfs")).as(name).contains("/tmp");
            assertThat(at(service, "ports"))
                    .as(name + " is reached through the proxy only")
                    .isNull();
        }
        assertThat(string(SERVICES, "postgres", "image")).matches("postgres:17([.-].*)?");
    }

    @Test
    void everyServiceIsHealthCheckedAndStartsOnlyOnceWhatItNeedsIsHealthy() {
        assertThat(string(SERVICES, "postgres", "healthcheck", "test")).contains("pg_isready");
        assertThat(IMAGE.last("HEALTHCHECK"))
                .as("the replicas' health check comes from the image")
                .isPresent();
        for (String name : ledgerServices()) {
            assertThat(at(SERVICES.get(name), "healthcheck"))
                    .as(name + " keeps the image's health check")
                    .isNull();
            assertThat(string(SERVICES.get(name), "depends_on", "postgres", "condition"))
                    .isEqualTo("service_healthy");
        }
        assertThat(string(SERVICES, "ledger-2", "depends_on", "ledger-1", "condition"))
                .as("one replica migrates and issues the admin key before the other starts")
                .isEqualTo("service_healthy");
        for (String name : ledgerServices()) {
            assertThat(string(SERVICES, "proxy", "depends_on", name, "condition"))
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void theReplicasReachPostgresAsTheApplicationRoleAndMigrateAsTheOwner() throws IOException {
        String initScript = Files.readString(DIR.resolve("postgres/10-ledger-roles.sh"));
        assertThat(listAt(SERVICES, "postgres", "volumes"))
                .contains("./postgres/10-ledger-roles.sh:/docker-entrypoint-initdb.d/10-ledger-roles.sh:ro");
        Map<String, Object> postgresEnv = mapAt(SERVICES, "postgres", "environment");
        for (String name : ledgerServices()) {
            Map<String, Object> env = mapAt(SERVICES, name, "environment");
            assertThat(env.get("LEDGER_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/ledger");
            assertThat(initScript).contains("create database ledger owner ledger_owner;");
            assertThat(env.get("LEDGER_DB_USER")).isEqualTo("ledger_app");
            assertThat(env.get("SPRING_FLYWAY_USER")).isEqualTo("ledger_owner");
            assertThat(initScript)
                    .contains("create role ledger_app login password :'app_password';")
                    .contains("create role ledger_owner login password :'owner_password';")
                    .contains("-v owner_password=\"$LEDGER_OWNER_PASSWORD\" -v app_password=\"$LEDGER_APP_PASSWORD\"");
            assertThat(variable(env.get("LEDGER_DB_PASSWORD")))
                    .isEqualTo(variable(postgresEnv.get("LEDGER_APP_PASSWORD")));
            assertThat(variable(env.get("SPRING_FLYWAY_PASSWORD")))
                    .isEqualTo(variable(postgresEnv.get("LEDGER_OWNER_PASSWORD")));
        }
        assertThat(listAt(SERVICES, "postgres", "volumes"))
                .anyMatch(volume -> volume.toString().startsWith("pgdata:/var/lib/postgresql/data"));
    }

    /**
     * Both replicas hold the same keys, exactly one seals (the sealer's own record lives in its data volume), each has
     * a data volume of its own, and no volume is shared: export bundles are kept in PostgreSQL, which both serve from.
     */
    @Test
    void keysAreSharedOneReplicaSealsAndNoVolumeIsShared() {
        String dataDir = IMAGE.env().get("LEDGER_DATA_DIR");
        Set<String> dataVolumes = new TreeSet<>();
        List<String> mounted = new ArrayList<>();
        List<String> sealing = new ArrayList<>();
        for (String name : ledgerServices()) {
            Map<String, Object> env = mapAt(SERVICES, name, "environment");
            assertThat(env.get("LEDGER_PRIVACY_MASTER_KEY"))
                    .isEqualTo("${LEDGER_PRIVACY_MASTER_KEY:?set" + " LEDGER_PRIVACY_MASTER_KEY in .env}");
            assertThat(variable(env.get("LEDGER_INTEGRITY_SIGNING_KEY"))).isEqualTo("LEDGER_INTEGRITY_SIGNING_KEY");
            if ("true".equals(env.get("LEDGER_INTEGRITY_SEALING"))) {
                sealing.add(name);
            } else {
                assertThat(env.get("LEDGER_INTEGRITY_SEALING")).as(name).isEqualTo("false");
            }
            Map<String, String> mounts = mounts(name);
            String data = mounts.get(dataDir);
            assertThat(data).as(name + " mounts a volume at " + dataDir).isNotNull();
            assertThat(mapAt(COMPOSE, "volumes"))
                    .as("named, so it outlives the container")
                    .containsKey(data);
            dataVolumes.add(data);
            mounted.addAll(mounts.values());
            assertThat(env)
                    .as(name + ": bundles are written under its own data directory")
                    .doesNotContainKey("LEDGER_EXPORTS_DIRECTORY");
        }
        assertThat(sealing).hasSize(1);
        assertThat(dataVolumes).hasSize(ledgerServices().size());
        assertThat(mounted).as("no volume mounted by two replicas").doesNotHaveDuplicates();
    }

    @Test
    void theProxyTerminatesTlsForwardsTheOriginalRequestAndHidesTheActuator() throws IOException {
        String nginx = Files.readString(DIR.resolve("nginx/nginx.conf"));
        Matcher upstream = Pattern.compile("upstream dose_ledger \\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).isTrue();
        Set<String> servers = new TreeSet<>();
        Matcher server = Pattern.compile("server ([a-z0-9-]+):([0-9]+)").matcher(upstream.group(1));
        while (server.find()) {
            servers.add(server.group(1));
            assertThat(server.group(2)).isEqualTo(IMAGE.env().get("SERVER_PORT"));
        }
        assertThat(servers).containsExactlyInAnyOrderElementsOf(ledgerServices());
        assertThat(nginx)
                .contains("proxy_set_header X-Forwarded-Proto $scheme;")
                .contains("proxy_set_header X-Forwarded-Host $host;")
                .contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
                .contains("listen 8443 ssl;")
                .containsPattern("location /actuator/ \\{\\s*return 404;");
        assertThat(listAt(SERVICES, "proxy", "volumes")).contains("./nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
        for (String name : ledgerServices()) {
            assertThat(mapAt(SERVICES, name, "environment")).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        }
    }

    @Test
    void prometheusScrapesEveryReplicaAndLoadsTheAlertRules() {
        Map<String, Object> prometheus = Yaml.read(DIR.resolve("prometheus/prometheus.yml"));
        Object job = listAt(prometheus, "scrape_configs").get(0);
        assertThat(string(job, "metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(list(map(listAt(job, "static_configs").get(0)).get("targets")))
                .containsExactlyInAnyOrderElementsOf(ledgerServices().stream()
                        .map(name -> name + ":" + IMAGE.env().get("SERVER_PORT"))
                        .toList());
        Map<String, String> mounts = mounts("prometheus");
        for (Object ruleFile : listAt(prometheus, "rule_files")) {
            assertThat(mounts).containsKey(ruleFile.toString());
            assertThat(DIR.resolve(mounts.get(ruleFile.toString()))).isRegularFile();
        }
        assertThat(mounts).containsEntry("/etc/prometheus/prometheus.yml", "./prometheus/prometheus.yml");
    }

    /** An alert on a metric the service does not expose would never fire; a dashboard panel would stay empty. */
    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsOneTheServiceExposes() throws IOException {
        http.get("/api/practices").key(adminKey).send();
        Http.Response scrape = http.get("/actuator/prometheus").send();
        assertThat(scrape.status()).isEqualTo(200);
        Set<String> exposed = Prometheus.exposed(scrape.text());
        exposed.add("up");

        Map<String, String> expressions = new LinkedHashMap<>();
        for (Object group : listAt(Yaml.read(DIR.resolve("prometheus/alerts.yml")), "groups")) {
            for (Object rule : listAt(group, "rules")) {
                expressions.put("alert " + string(rule, "alert"), string(rule, "expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
        JsonNode dashboard = new ObjectMapper()
                .readTree(DIR.resolve("grafana/dashboards/dose-ledger.json").toFile());
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                expressions.put(
                        "panel " + panel.get("title").asText() + " "
                                + target.get("refId").asText(),
                        target.get("expr").asText());
            }
        }
        Set<String> read = new TreeSet<>();
        expressions.forEach((where, expression) -> {
            Set<String> metrics = Prometheus.metricsIn(expression);
            assertThat(metrics).as(where + " names a metric").isNotEmpty();
            assertThat(exposed).as(where + ": " + expression).containsAll(metrics);
            read.addAll(metrics);
        });
        assertThat(read)
                .as("the service's own metrics are watched")
                .contains(
                        "ledger_projection_lag",
                        "ledger_projection_dead_letters",
                        "ledger_projection_divergences",
                        "ledger_integrity_sealing_halted",
                        "ledger_integrity_verification_integrity");
    }

    @Test
    void metricNamesAreReadFromAnExpressionLeavingOutFunctionsLabelsAndKeywords() {
        assertThat(Prometheus.metricsIn("sum by (instance) (rate(a_total{job=\"x\", status=~\"5..\"}[5m]))"
                        + " / on(instance) group_left b_seconds_count > 0.05 or up == 0 unless absent(c)"))
                .containsExactly("a_total", "b_seconds_count", "c", "up");
    }

    @Test
    void grafanaReadsThePrometheusOfThisFileAndLoadsTheDashboard() throws IOException {
        Map<String, String> mounts = mounts("grafana");
        Object datasource = listAt(
                        Yaml.read(DIR.resolve(mounts.get("/etc/grafana/provisioning"))
                                .resolve("datasources/prometheus.yml")),
                        "datasources")
                .get(0);
        assertThat(string(datasource, "url")).isEqualTo("http://prometheus:9090");
        assertThat(listAt(SERVICES, "prometheus", "command")).contains("--config.file=/etc/prometheus/prometheus.yml");
        Object provider = listAt(
                        Yaml.read(DIR.resolve(mounts.get("/etc/grafana/provisioning"))
                                .resolve("dashboards/dose-ledger.yml")),
                        "providers")
                .get(0);
        String dashboards = string(provider, "options", "path");
        assertThat(mounts).containsKey(dashboards);
        JsonNode dashboard = new ObjectMapper()
                .readTree(DIR.resolve(mounts.get(dashboards))
                        .resolve("dose-ledger.json")
                        .toFile());
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt()))
                    .as("panel ids are unique")
                    .isTrue();
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo(string(datasource, "uid"));
        }
    }

    /** Every file the compose file mounts exists, and every variable it requires is in the example .env. */
    @Test
    void everyMountedFileExistsAndEveryRequiredVariableIsInTheExampleEnvironment() throws IOException {
        for (String name : SERVICES.keySet()) {
            for (Object volume : listAt(SERVICES, name, "volumes")) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(DIR.resolve(source))
                            .as(name + " mounts " + source)
                            .exists();
                }
            }
        }
        String compose = Files.readString(DIR.resolve("compose.yaml"));
        Set<String> required = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        while (variable.find()) {
            required.add(variable.group(1));
        }
        assertThat(required).isNotEmpty();
        String example = Files.readString(DIR.resolve(".env.example"));
        for (String name : required) {
            assertThat(example).as(".env.example").containsPattern("(?m)^" + name + "=");
        }
        assertThat(Files.readString(DIR.resolve(".gitignore"))).contains(".env");
    }

    private static List<String> ledgerServices() {
        return SERVICES.keySet().stream()
                .filter(name -> "deploy/container/Dockerfile".equals(string(SERVICES.get(name), "build", "dockerfile")))
                .sorted()
                .toList();
    }

    /** Container path to volume name (or host path), for the service's volumes. */
    private static Map<String, String> mounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : listAt(SERVICES, service, "volumes")) {
            String[] parts = volume.toString().split(":");
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }

    /** The variable a {@code ${NAME:?message}} value interpolates. */
    private static String variable(Object value) {
        Matcher matcher = Pattern.compile("^\\$\\{([A-Z_]+)[:?}]").matcher(String.valueOf(value));
        assertThat(matcher.find()).as(value + " is a required variable").isTrue();
        return matcher.group(1);
    }
}
