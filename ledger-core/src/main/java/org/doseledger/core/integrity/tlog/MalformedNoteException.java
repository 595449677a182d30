package org.doseledger.core.integrity.tlog;

/** Bytes that are not a signed note, or a signature line that is not one (c2sp.org/signed-note). */
public class MalformedNoteException extends IllegalArgumentException {

    public MalformedNoteException(String problem) {
        super("Malformed signed note: " + problem);
    }
}
