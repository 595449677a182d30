package org.doseledger.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a value is stored: for tests that a value (a shredded client's name, say) is nowhere in plaintext. */
public final class DatabaseScan {

    private DatabaseScan() {}

    /** Every table.column of the database whose text, JSON or bytes contain the value. */
    public static List<String> tablesHolding(JdbcTemplate jdbc, String value) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_schema, table_name, column_name, data_type from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                """);
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
            String field = "\"" + column.get("column_name") + "\"";
            String match = column.get("data_type").equals("bytea")
                    ? "position(convert_to(?, 'UTF8') in " + field + ") > 0"
                    : field + "::text like '%' || ? || '%'";
            Long rows = jdbc.queryForObject("select count(*) from " + name + " where " + match, Long.class, value);
            if (rows != null && rows > 0) {
                holding.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return holding;
    }
}
