package org.doseledger.api.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the builder reads it: comments dropped, {@code \} continuations joined, and instructions
 * grouped into build stages. Enough for the checks of {@link ContainerImageTest}; no variable substitution.
 */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {

        /** The exec (JSON array) form of CMD, ENTRYPOINT, HEALTHCHECK ... CMD, VOLUME and the like. */
        List<String> execForm() {
            String json = arguments.substring(arguments.indexOf('['));
            try {
                return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});
            } catch (IOException e) {
                throw new AssertionError(keyword + " is not in exec form: " + arguments, e);
            }
        }
    }

    record Stage(String image, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }

        /** ENV settings in both forms ({@code K=V K2="V 2"} and the legacy {@code K V}). */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");
            for (Instruction instruction : all("ENV")) {
                String text = instruction.arguments();
                if (!text.matches("^[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    String[] legacy = text.split("\\s+", 2);
                    env.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
                    continue;
                }
                Matcher matcher = pair.matcher(text);
                while (matcher.find()) {
                    String value = matcher.group(2);
                    if (value.startsWith("\"")) {
                        value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
                    }
                    env.put(matcher.group(1), value);
                }
            }
            return env;
        }

        String runScripts() {
            return String.join(
                    "\n", all("RUN").stream().map(Instruction::arguments).toList());
        }
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(s -> name.equals(s.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stage named " + name));
    }

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(List<String> lines) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current == null)) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            String content =
                    continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
            if (current == null) {
                current = new StringBuilder(content);
            } else if (!content.isEmpty()) {
                current.append(' ').append(content);
            }
            if (!continues) {
                logical.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            throw new AssertionError("the last instruction ends in a line continuation");
        }
        List<Stage> stages = new ArrayList<>();
        for (String instruction : logical) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                String[] from = arguments.split("\\s+");
                String image = from[0].startsWith("--") ? from[1] : from[0];
                String name = null;
                for (int i = 0; i < from.length - 1; i++) {
                    if (from[i].equalsIgnoreCase("AS")) {
                        name = from[i + 1];
                    }
                }
                stages.add(new Stage(image, name, new ArrayList<>()));
            } else if (keyword.equals("ARG") && stages.isEmpty()) {
                continue;
            } else if (stages.isEmpty()) {
                throw new AssertionError("an instruction before the first FROM: " + instruction);
            } else {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(stages);
    }
}
