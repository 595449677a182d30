package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden CSV opens in a spreadsheet: LibreOffice, run headless, converts each to OpenDocument. Skipped
 * where {@code soffice} is not on the PATH.
 */
class GoldenCsvSpreadsheetTest {

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void libreOfficeReadsEveryGoldenCsv(@TempDir Path out) throws Exception {
        assumeTrue(onPath("soffice"), "soffice is not on the PATH");
        List<Path> csvs = new ArrayList<>();
        try (Stream<Path> files = Files.list(GoldenExports.GOLDEN)) {
            files.filter(file -> file.toString().endsWith(".csv")).sorted().forEach(csvs::add);
        }
        assertThat(csvs).isNotEmpty();
        List<String> command = new ArrayList<>(List.of(
                "soffice",
                "-env:UserInstallation=" + out.resolve("profile").toUri(),
                "--headless",
                "--convert-to",
                "ods",
                // CSV filter: comma, double quote, UTF-8 (76), first line as is
                "--infilter=CSV:44,34,76,1",
                "--outdir",
                out.toString()));
        csvs.forEach(csv -> command.add(csv.toAbsolutePath().toString()));
        Process soffice = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("soffice.log").toFile())
                .start();
        assertThat(soffice.waitFor(5, TimeUnit.MINUTES)).as("soffice finished").isTrue();
        assertThat(soffice.exitValue()).as(log(out)).isZero();
        for (Path csv : csvs) {
            Path ods = out.resolve(csv.getFileName().toString().replaceFirst("\\.csv$", ".ods"));
            assertThat(ods).as(csv + " converted; " + log(out)).exists();
            assertThat(Files.size(ods)).as(ods.toString()).isPositive();
        }
    }

    private static String log(Path out) {
        try {
            return Files.readString(out.resolve("soffice.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
