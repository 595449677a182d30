package org.doseledger.projections.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A report as one JSON document for machines, written as it streams:
 * {@code {"header":{...},"columns":[{"key","label"}...],"records":[{key: value}...],"footer":{...},
 * "recordCount":n}}. Values are typed: decimals and integers as JSON numbers (decimals plain, with their
 * scale), booleans as booleans, times as ISO 8601 strings with the offset of the report's zone, dates as
 * {@code yyyy-MM-dd}, null as null. UTF-8, one record per line, so that a line-oriented tool can follow it.
 */
public final class JsonReportSink implements ReportSink {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;
    private List<ReportColumn> columns;
    private ZoneId zone;
    private long rows;

    public JsonReportSink(OutputStream out) throws IOException {
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    @Override
    public void begin(ReportHeader header, List<ReportColumn> columns) throws IOException {
        this.columns = List.copyOf(columns);
        this.zone = header.zone();
        json.writeStartObject();
        json.writeObjectFieldStart("header");
        json.writeStringField("exportType", header.exportType());
        json.writeStringField("title", header.title());
        json.writeStringField("registrantName", header.registrantName());
        json.writeStringField("registrantAddress", header.registrantAddress());
        json.writeStringField("deaNumber", header.deaNumber());
        json.writeStringField("period", header.period());
        json.writeStringField("generatedAt", CellText.of(header.generatedAt(), zone));
        json.writeStringField("generatedBy", header.generatedBy());
        json.writeStringField("zone", zone.getId());
        json.writeArrayFieldStart("notes");
        for (String note : header.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("columns");
        for (ReportColumn column : columns) {
            json.writeStartObject();
            json.writeStringField("key", column.key());
            json.writeStringField("label", column.label());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("records");
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.size() + " cells in a report of " + columns.size() + " columns");
        }
        json.writeRaw('\n');
        json.writeStartObject();
        for (int i = 0; i < cells.size(); i++) {
            json.writeFieldName(columns.get(i).key());
            value(cells.get(i));
        }
        json.writeEndObject();
        rows++;
    }

    @Override
    public long end(ReportFooter footer) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("footer");
        json.writeArrayFieldStart("totals");
        for (String total : footer.totals()) {
            json.writeString(total);
        }
        json.writeEndArray();
        if (footer.signature() == null) {
            json.writeNullField("signature");
        } else {
            json.writeObjectFieldStart("signature");
            json.writeStringField("meaning", footer.signature().meaning());
            json.writeNumberField("signers", footer.signature().signers());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeNumberField("recordCount", rows);
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
        return rows;
    }

    private void value(Object cell) throws IOException {
        if (cell == null) {
            json.writeNull();
        } else if (cell instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (cell instanceof Long number) {
            json.writeNumber(number);
        } else if (cell instanceof Integer number) {
            json.writeNumber(number);
        } else if (cell instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (cell instanceof Instant || cell instanceof OffsetDateTime || cell instanceof LocalDate) {
            json.writeString(CellText.of(cell, zone));
        } else {
            json.writeString(cell.toString());
        }
    }
}
