package org.doseledger.api.witness;

import java.util.List;
import java.util.Objects;
import org.doseledger.core.integrity.tlog.Cosignature;
import org.doseledger.core.integrity.tlog.NoteSignature;

/** What a witness made of an add-checkpoint request, as {@link WitnessClient} sees it. */
public sealed interface WitnessReply {

    /**
     * 200: the witness's cosignatures of the checkpoint, each verified against its key; lines of other
     * keys in the answer were ignored, as the specification requires.
     */
    record Cosigned(List<Cosignature> cosignatures) implements WitnessReply {

        public Cosigned {
            cosignatures = List.copyOf(cosignatures);
            if (cosignatures.isEmpty()) {
                throw new IllegalArgumentException("a cosigned reply has at least one cosignature");
            }
        }

        /** The signature lines to add to the checkpoint's note ({@code SignedNote.withSignatures}). */
        public List<NoteSignature> noteSignatures() {
            return cosignatures.stream().map(Cosignature::toNoteSignature).toList();
        }
    }

    /**
     * 409 with {@code text/x.tlog.size}: the witness last cosigned a checkpoint of {@code witnessSize}
     * leaves, not the old size sent; resend with that old size and a consistency proof from it.
     */
    record SizeConflict(long witnessSize) implements WitnessReply {

        public SizeConflict {
            if (witnessSize < 0) {
                throw new IllegalArgumentException("a tree size is not negative: " + witnessSize);
            }
        }
    }

    /**
     * The witness answered and refused: 400 malformed or old size above the checkpoint's, 403 not signed
     * by the log key it knows, 404 log unknown to it, 409 another root for the size it holds, 422 the proof
     * does not verify, or any other status. {@code reason} is the start of its answer, in one line.
     */
    record Refused(int status, String reason) implements WitnessReply {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * No usable answer: the witness could not be reached or did not answer in time, or its answer was not
     * a valid cosignature by its key.
     */
    record Failed(String reason) implements WitnessReply {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
