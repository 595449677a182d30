package org.doseledger.api.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Export bundles in the database every replica shares: a bundle is stored in chunks of {@value #CHUNK}
 * bytes in the transaction that marks its job DONE, so a bundle exists exactly when its job says so, any
 * replica can serve it, and none is left on a node's disk. A download reads one chunk at a time.
 */
@Component
class ExportBundleStore {

    static final int CHUNK = 1024 * 1024;

    private final JdbcTemplate jdbc;

    ExportBundleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the bundle written to {@code file}, in the caller's transaction. */
    void store(String exportId, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int chunk = 0;
            while (true) {
                byte[] bytes = in.readNBytes(CHUNK);
                if (bytes.length == 0) {
                    break;
                }
                jdbc.update(
                        "insert into export_bundle_chunk (export_id, chunk, bytes) values (?, ?, ?)",
                        exportId,
                        chunk++,
                        bytes);
            }
        }
    }

    /** The stored bundle, read chunk by chunk as the stream is consumed. */
    InputStream open(String exportId) {
        return new InputStream() {
            private int next;
            private byte[] current = new byte[0];
            private int offset;
            private boolean ended;

            private boolean fill() throws IOException {
                while (!ended && offset >= current.length) {
                    List<byte[]> found = jdbc.queryForList(
                            "select bytes from export_bundle_chunk where export_id = ? and chunk = ?",
                            byte[].class,
                            exportId,
                            next);
                    if (found.isEmpty()) {
                        ended = true;
                    } else {
                        current = found.get(0);
                        offset = 0;
                        next++;
                    }
                }
                return !ended || offset < current.length;
            }

            @Override
            public int read() throws IOException {
                return fill() && offset < current.length ? current[offset++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int from, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (!fill() || offset >= current.length) {
                    return -1;
                }
                int n = Math.min(length, current.length - offset);
                System.arraycopy(current, offset, buffer, from, n);
                offset += n;
                return n;
            }
        };
    }

    /** Destroys the stored bundle, in the caller's transaction. */
    void delete(String exportId) {
        jdbc.update("delete from export_bundle_chunk where export_id = ?", exportId);
    }
}
