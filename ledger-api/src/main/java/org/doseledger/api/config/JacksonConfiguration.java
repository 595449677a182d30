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
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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
        requests.registerModule(new SimpleModule("iso-instants-only").addDeserializer(Instant.class, new IsoInstant()));
        requests.registerModule(new SimpleModule("printable-text").addDeserializer(String.class, new PrintableText()));
        return new MappingJackson2HttpMessageConverter(requests);
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

    /** A timestamp is ISO 8601 text; a bare number would be read as seconds since 1970. */
    private static final class IsoInstant extends StdDeserializer<Instant> {

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
