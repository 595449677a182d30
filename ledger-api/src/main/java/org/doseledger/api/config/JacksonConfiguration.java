package org.doseledger.api.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Two object mappers on purpose. The ledger's mapper writes stored event JSON and must never change
 * when web settings do; the web mapper serves HTTP and may evolve.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfiguration {

    public static final String LEDGER_MAPPER = "defaultAxonObjectMapper";

    /** Request bodies nest a few levels; anything deeper is refused while parsing. */
    public static final int MAX_NESTING_DEPTH = 20;

    /** Longer than any text field allows, so that a longer string is refused before it is built. */
    public static final int MAX_STRING_LENGTH = 65_536;

    public static final int MAX_NUMBER_LENGTH = 100;

    /** The mapper Axon uses for events, messages and tokens. Changing it changes stored data. */
    @Bean(LEDGER_MAPPER)
    public ObjectMapper ledgerObjectMapper() {
        return ledgerMapper();
    }

    public static ObjectMapper ledgerMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // a map's entries too: Map.of iterates in an order that changes from one JVM to the next
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    /** The mapper of the web layer, built from {@code spring.jackson.*}. */
    @Bean
    @Primary
    public ObjectMapper webObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /**
     * Request bodies are read more strictly than anything else: a body is bounded while it is parsed, a
     * repeated key is ambiguous, and a number or boolean where text is expected is a client mistake rather
     * than something to convert silently. Text where a number is expected stays allowed: amounts are sent
     * as strings.
     */
    @Bean
    public MappingJackson2HttpMessageConverter jsonMessageConverter(ObjectMapper webObjectMapper) {
        ObjectMapper requests = webObjectMapper.copy();
        requests.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build());
        requests.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        requests.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
            requests.coercionConfigFor(number).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        requests.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        requests.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // an enum or a boolean is its name or true/false, never a number standing for one
        requests.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        requests.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        requests.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // one JSON value per body: {...}xyz or {...}{} is malformed, not its first part
        requests.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        requests.registerModule(new SimpleModule("strict-values")
                .addDeserializer(Instant.class, new IsoInstant())
                .addDeserializer(LocalDate.class, new IsoDate())
                .addDeserializer(BigDecimal.class, new BoundedDecimal())
                .addDeserializer(String.class, new PrintableText()));
        return new Utf8JsonMessageConverter(requests);
    }

    /** The fewest and most decimal places and the most significant digits a number in a request may have. */
    static final int MIN_SCALE = -9;

    static final int MAX_SCALE = 12;
    static final int MAX_PRECISION = 24;

    /**
     * The years a date or time in a request may fall in, checked as it is read: outside them it is a typing
     * mistake or an attack. Which years are plausible for a field (a birth after 1900, an expiry within
     * 20 years) is validated with the field's name (VALIDATION_FAILED).
     */
    static final int FIRST_YEAR = 1000;

    static final int LAST_YEAR = 9999;

    /**
     * Request bodies are UTF-8 JSON (RFC 8259 8.1). Jackson would detect UTF-16 and UTF-32 from the first
     * bytes and read them too; a body that starts with a NUL byte or a UTF-16 byte-order mark is refused.
     */
    private static final class Utf8JsonMessageConverter extends MappingJackson2HttpMessageConverter {

        Utf8JsonMessageConverter(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
            PushbackInputStream body = new PushbackInputStream(input.getBody(), 4);
            byte[] start = new byte[4];
            int read = body.readNBytes(start, 0, 4);
            if (read > 0) {
                body.unread(start, 0, read);
            }
            for (int i = 0; i < read; i++) {
                if (start[i] == 0) {
                    throw new HttpMessageNotReadableException("The body is not UTF-8 JSON (it holds NUL bytes)", input);
                }
            }
            if (read >= 2
                    && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
                            || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE))) {
                throw new HttpMessageNotReadableException("The body is not UTF-8 JSON (UTF-16 byte-order mark)", input);
            }
            HttpInputMessage utf8 = new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return body;
                }

                @Override
                public org.springframework.http.HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            };
            return super.read(type, contextClass, utf8);
        }
    }

    /**
     * A decimal is bounded while it is read: at most {@value #MAX_PRECISION} significant digits and
     * between {@value #MAX_SCALE} decimal places and {@value #MIN_SCALE} (an exponent of at most 9). A
     * number such as 1e-999999999 is cheap to parse but would cost seconds of CPU and gigabytes to compare,
     * round or print; no drug amount, strength or weight needs more.
     */
    private static final class BoundedDecimal extends StdDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText();
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value != null
                    && (value.scale() > MAX_SCALE || value.scale() < MIN_SCALE || value.precision() > MAX_PRECISION)) {
                return (BigDecimal) context.handleWeirdStringValue(
                        BigDecimal.class,
                        text.length() > 40 ? text.substring(0, 40) + "..." : text,
                        "a number needs at most " + MAX_PRECISION + " significant digits, at most " + MAX_SCALE
                                + " decimal places and an exponent of at most " + -MIN_SCALE);
            }
            return value;
        }
    }

    /**
     * A date is {@code yyyy-MM-dd} in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}: not a date-time
     * cut to its date, not year 0, not 9999.
     */
    private static final class IsoDate extends StdDeserializer<LocalDate> {

        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (!DATE.matcher(text).matches()) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "expected a date yyyy-MM-dd");
            }
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                    return (LocalDate) context.handleWeirdStringValue(
                            LocalDate.class, text, "expected a year from " + FIRST_YEAR + " to " + LAST_YEAR);
                }
                return date;
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a calendar date");
            }
        }
    }

    /**
     * Text may hold tabs and line breaks but no other control characters: a NUL cannot be stored in a
     * PostgreSQL text or jsonb column, so it would stop a read model, and none of them belongs in a record.
     */
    private static final class PrintableText extends StdDeserializer<String> {

        PrintableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null
                    && text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
                return (String) context.handleWeirdStringValue(
                        String.class, text, "control characters other than tab and line breaks are not accepted");
            }
            return text;
        }
    }

    /**
     * A timestamp is ISO 8601 text with a date, a time and an offset ({@code 2026-11-20T15:30:00Z}); a bare
     * number, or text of digits, would be read as seconds since 1970.
     */
    private static final class IsoInstant extends StdDeserializer<Instant> {

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText().trim();
            try {
                Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
                int year = instant.atOffset(ZoneOffset.UTC).getYear();
                if (year < FIRST_YEAR || year > LAST_YEAR) {
                    return (Instant) context.handleWeirdStringValue(
                            Instant.class, text, "expected a year from " + FIRST_YEAR + " to " + LAST_YEAR);
                }
                return instant;
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(
                        Instant.class, text, "expected an ISO 8601 time with an offset, such as 2026-11-20T15:30:00Z");
            }
        }
    }
}
