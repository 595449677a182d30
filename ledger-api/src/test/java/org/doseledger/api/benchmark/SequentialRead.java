package org.doseledger.api.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.doseledger.api.config.JacksonConfiguration;

/**
 * The replay benchmarks' baseline: every event row read in ledger order over one plain JDBC connection
 * (fetch size 1,000), optionally deserializing every payload with the ledger's serializer.
 */
final class SequentialRead {

    private SequentialRead() {}

    record Result(long rows, long bytes, double seconds) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    static Result of(DataSource database, boolean deserialize) throws SQLException {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(JacksonConfiguration.ledgerMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter())
                .build();
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    from domain_event_entry order by global_index
                    """)) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        byte[] payload = rs.getBytes("payload");
                        byte[] metaData = rs.getBytes("meta_data");
                        bytes += payload.length + metaData.length;
                        if (deserialize) {
                            Object event = serializer.deserialize(new SimpleSerializedObject<>(
                                    payload,
                                    byte[].class,
                                    new SimpleSerializedType(
                                            rs.getString("payload_type"), rs.getString("payload_revision"))));
                            bytes += event.hashCode() & 1;
                        }
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        return new Result(rows, bytes, (System.nanoTime() - started) / 1e9);
    }
}
