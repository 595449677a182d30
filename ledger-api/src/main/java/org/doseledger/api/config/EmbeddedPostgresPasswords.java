package org.doseledger.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.doseledger.core.shared.OwnerOnlyFiles;

/**
 * The passwords of the embedded PostgreSQL's two logins, the superuser {@code postgres} (migrations) and
 * {@code ledger_app} (the service), and the {@code pg_hba.conf} that demands them. Each is generated at the first
 * start that needs it and kept owner-only (0600) in the keys directory beside the signing and master keys, so that
 * a process of the machine that can open the port but cannot read the service's files cannot log in.
 *
 * <p>initdb (run by the embedded library) trusts every local connection, and a data directory of an earlier
 * version does too. Until the passwords are set in the server, it is started with {@link #BOOTSTRAP_HBA}, which
 * admits only the superuser, from the loopback addresses; once they are set, {@link #PASSWORD_HBA} replaces it and
 * the server reloads it. A data directory that already demands passwords is started with {@link #PASSWORD_HBA}
 * directly.
 */
final class EmbeddedPostgresPasswords {

    static final String MARKER = "# Dose Ledger: every connection needs a password (scram-sha-256)";

    static final String PASSWORD_HBA = MARKER + "\n"
            + "local all all scram-sha-256\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";

    static final String BOOTSTRAP_HBA = "# Dose Ledger: setting the passwords; replaced once they are set\n"
            + "host all postgres 127.0.0.1/32 trust\n"
            + "host all postgres ::1/128 trust\n";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path superuserFile;
    private final Path applicationFile;
    private final String superuser;
    private final String application;

    private EmbeddedPostgresPasswords(Path superuserFile, Path applicationFile, String superuser, String application) {
        this.superuserFile = superuserFile;
        this.applicationFile = applicationFile;
        this.superuser = superuser;
        this.application = application;
    }

    /**
     * The passwords in {@code keysDirectory}, generated where missing. A data directory that already demands
     * passwords while the superuser's is missing cannot be logged into: that start is refused, with what to do.
     */
    static EmbeddedPostgresPasswords forDataDirectory(Path keysDirectory, Path dataDirectory) throws IOException {
        Path superuserFile = keysDirectory.resolve("postgres-superuser.password");
        Path applicationFile = keysDirectory.resolve("postgres-ledger-app.password");
        if (demandsPasswords(dataDirectory) && !Files.exists(superuserFile)) {
            throw new IllegalStateException("the embedded PostgreSQL in " + dataDirectory
                    + " demands passwords, but " + superuserFile + " is missing: restore it from the backup of the"
                    + " keys directory");
        }
        return new EmbeddedPostgresPasswords(
                superuserFile, applicationFile, readOrGenerate(superuserFile), readOrGenerate(applicationFile));
    }

    /** Whether the data directory's pg_hba.conf is the one that demands passwords for every connection. */
    static boolean demandsPasswords(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba).startsWith(MARKER);
    }

    /** Run by the library after initdb and before the server starts. */
    void prepare(Path dataDirectory) throws IOException {
        if (!demandsPasswords(dataDirectory)) {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), BOOTSTRAP_HBA, StandardCharsets.US_ASCII);
        }
    }

    /** After the passwords are set in the server: every connection from now on needs one. */
    static void demandPasswords(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        Path temporary = dataDirectory.resolve("pg_hba.conf.tmp");
        Files.writeString(temporary, PASSWORD_HBA, StandardCharsets.US_ASCII);
        Files.move(
                temporary,
                hba,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    String superuser() {
        return superuser;
    }

    String application() {
        return application;
    }

    Path superuserFile() {
        return superuserFile;
    }

    Path applicationFile() {
        return applicationFile;
    }

    private static String readOrGenerate(Path file) throws IOException {
        if (Files.exists(file)) {
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty");
            }
            return password;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnlyFiles.writeAtomically(file, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        return password;
    }
}
