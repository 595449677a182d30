package org.doseledger.core.integrity.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The byte-level rules the transparency-log formats share: SHA-256, canonical base64, strict UTF-8, key
 * names, and how a rejected value is quoted in an error message.
 */
final class Encoding {

    private Encoding() {}

    /** One SHA-256 per thread, reset by each digest, as in {@code EventHashes}. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    static MessageDigest sha256() {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bigEndian(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The bytes of standard base64 (RFC 4648 section 4) in its one canonical spelling, or null. Padding is
     * required and the unused bits of the last character must be zero, so that every value has exactly
     * one text form and a signed text cannot be varied without changing its signature's input.
     */
    static byte[] base64OrNull(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return base64(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes UTF-8, or returns null when the bytes are not well-formed UTF-8. */
    static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Why the text cannot be part of a signed note, or null when it can: it must be valid Unicode (so
     * that it has a UTF-8 encoding) and hold no ASCII control character other than newline.
     */
    static String noteTextProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return String.format("control character U+%04X at offset %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("unpaired surrogate U+%04X at offset %d", (int) c, i);
            }
        }
        return null;
    }

    /**
     * A key name (of a log or witness key) is non-empty and holds neither Unicode white space nor a plus
     * sign, like {@code isValidName} of golang.org/x/mod/sumdb/note. White space is the Unicode
     * White_Space property: the space separators plus tab, line feed, vertical tab, form feed, carriage
     * return and next line.
     */
    static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty() || noteTextProblem(name) != null) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> cp == '+' || isUnicodeSpace(cp));
    }

    static boolean isUnicodeSpace(int codePoint) {
        return Character.isSpaceChar(codePoint) || (codePoint >= 0x09 && codePoint <= 0x0D) || codePoint == 0x85;
    }

    /** A rejected value for an error message: Java-escaped, at most 80 characters of it. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(value.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (value.length() > limit) {
            out.append("... (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    /** Lower-case hex of a key ID, 8 digits, as vkeys and error messages write it. */
    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }
}
