package org.doseledger.api.benchmark;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * A JdbcTemplate that can remember the statements a query handler runs, with their arguments, so that
 * the benchmark explains exactly the SQL the read models issue instead of a copy of it.
 */
final class RecordingJdbcTemplate extends JdbcTemplate {

    record Statement(String sql, Object[] args) {}

    private final ThreadLocal<List<Statement>> recording = new ThreadLocal<>();
    private final ThreadLocal<Object[]> lastArgs = new ThreadLocal<>();

    RecordingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    /** Runs {@code call} and returns the statements it ran, in order. */
    List<Statement> record(Runnable call) {
        List<Statement> statements = new ArrayList<>();
        recording.set(statements);
        try {
            call.run();
        } finally {
            recording.remove();
        }
        return statements;
    }

    @Override
    protected PreparedStatementSetter newArgPreparedStatementSetter(Object[] args) {
        lastArgs.set(args);
        return super.newArgPreparedStatementSetter(args);
    }

    @Override
    public <T> T query(String sql, PreparedStatementSetter pss, ResultSetExtractor<T> rse) {
        List<Statement> statements = recording.get();
        if (statements != null) {
            Object[] args = lastArgs.get();
            statements.add(new Statement(sql, args == null ? new Object[0] : args.clone()));
        }
        lastArgs.remove();
        return super.query(sql, pss, rse);
    }
}
