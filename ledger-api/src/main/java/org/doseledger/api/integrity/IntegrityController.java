package org.doseledger.api.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.security.CurrentCredential;
import org.doseledger.api.web.AdminActionRequest;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.doseledger.core.shared.UnknownRecordException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's tamper evidence: its public keys, its signed checkpoints, and verification on demand. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrity", description = "Hash chain, signed checkpoints and verification")
class IntegrityController {

    private final SigningKeys keys;
    private final CheckpointSealer sealer;
    private final LedgerVerification verification;
    private final SealedCheckpoints checkpoints;

    private final LedgerBundle bundle;
    private final IdempotentWrites writes;
    private final TreeProofs proofs;
    private final IntegrityProperties integrity;

    IntegrityController(
            SigningKeys keys,
            CheckpointSealer sealer,
            LedgerVerification verification,
            SealedCheckpoints checkpoints,
            LedgerBundle bundle,
            IdempotentWrites writes,
            TreeProofs proofs,
            IntegrityProperties integrity) {
        this.keys = keys;
        this.sealer = sealer;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.bundle = bundle;
        this.writes = writes;
        this.proofs = proofs;
        this.integrity = integrity;
    }

    /**
     * A public key that verifies checkpoints: its id, SHA-256 fingerprint, X.509 encoding (PEM), and the same
     * key as the C2SP verifier key of the log's tree checkpoints ({@code <origin>+<key id>+<base64>}), which
     * note tools and witnesses take.
     */
    record PublicKeyView(
            String keyId, String algorithm, String fingerprint, boolean active, String pem, String noteVerifierKey) {}

    @GetMapping("/api/ledger/public-keys")
    @AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.REGULATOR, Role.PRACTICE_WRITER})
    @Operation(summary = "The public keys that verify the ledger's checkpoints (any role)")
    List<PublicKeyView> publicKeys() {
        return checkpoints.verifyingKeys().entrySet().stream()
                .map(entry -> view(entry.getKey(), entry.getValue()))
                .toList();
    }

    @GetMapping("/api/ledger/checkpoints")
    @AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The latest signed checkpoints, newest first (ADMIN, COMPLIANCE_OFFICER, REGULATOR)")
    List<CheckpointView> checkpoints(@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
        return checkpoints.latest(limit);
    }

    @GetMapping(path = "/api/ledger/tree/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    @AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "The latest signed checkpoint of the ledger's Merkle tree, as a C2SP signed note"
                    + " (ADMIN, COMPLIANCE_OFFICER, REGULATOR)",
            description = "c2sp.org/tlog-checkpoint: the origin, the tree size, the base64 root hash, and the log's"
                    + " signature with any witness cosignatures. Keep it: a later ledger must extend it.")
    ResponseEntity<String> treeCheckpoint() {
        return checkpoints
                .latestTreeNote()
                .map(note ->
                        ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(note))
                .orElseThrow(() -> new UnknownRecordException("tree-checkpoint", "latest"));
    }

    @GetMapping("/api/ledger/tree/proofs/inclusion")
    @AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "Proof that the event at a ledger position is in the tree of a given size (ADMIN,"
                    + " COMPLIANCE_OFFICER, REGULATOR)",
            description = "RFC 9162 inclusion proof, hashes in hex from the leaf's sibling upwards. The leaf hash is"
                    + " SHA-256(0x00 || 'DOSE-LEDGER-LEAF/1' || position as 8 bytes || event hash).")
    TreeProofs.InclusionProof inclusionProof(@RequestParam @Min(1) long position, @RequestParam @Min(1) long treeSize) {
        return proofs.inclusion(position, treeSize);
    }

    @GetMapping("/api/ledger/tree/proofs/consistency")
    @AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "Proof that the tree of one size extends the tree of a smaller one (ADMIN, COMPLIANCE_OFFICER,"
                    + " REGULATOR)",
            description = "RFC 9162 consistency proof, hashes in hex: with the roots of both checkpoints it shows that"
                    + " nothing the older checkpoint covered was changed or removed.")
    TreeProofs.ConsistencyProof consistencyProof(@RequestParam @Min(0) long from, @RequestParam @Min(1) long to) {
        return proofs.consistency(from, to);
    }

    @PostMapping(path = "/api/admin/ledger/checkpoints", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(summary = "Seal a checkpoint now, over the events behind the gap window (ADMIN)")
    ResponseEntity<Object> seal(@Valid @RequestBody AdminActionRequest request, WriteContext context) {
        return writes.executeAction(
                context,
                "POST /api/admin/ledger/checkpoints",
                request,
                () -> sealer.seal()
                        .map(checkpoint -> WriteOutcome.of(201, CheckpointView.of(checkpoint)))
                        .orElseGet(() -> WriteOutcome.of(204, null)));
    }

    @PostMapping(path = "/api/admin/ledger/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Verify the whole ledger (ADMIN)",
            description = "Recomputes every event hash, stream link, chain link and checkpoint signature, and reports"
                    + " integrity and completeness separately, each with its first failure. The result is recorded"
                    + " as a LedgerVerified event and in the ledger_integrity_verification_* metrics.")
    ResponseEntity<Object> verify(@Valid @RequestBody AdminActionRequest request, WriteContext context) {
        return writes.executeAction(
                context,
                "POST /api/admin/ledger/verification",
                request,
                () -> WriteOutcome.of(200, verification.verifyAndRecord()));
    }

    @GetMapping(path = "/api/admin/ledger/bundle", produces = "application/zip")
    @ReadsClientData(kind = AccessKind.EXPORT)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "The sealed ledger as a verifiable bundle (ADMIN)",
            description = "A zip of every event up to the last checkpoint as stored, the sealed chain, the signed"
                    + " checkpoints, the public keys and a manifest with each file's SHA-256. Check it offline with"
                    + " java -jar dose-ledger.jar verify-bundle bundle.zip --public-key <keyId>.pub")
    void bundle(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"dose-ledger-bundle.zip\"");
        bundle.write(response.getOutputStream(), CurrentCredential.get().id());
    }

    private PublicKeyView view(String keyId, PublicKey key) {
        return new PublicKeyView(
                keyId,
                Ed25519Keys.ALGORITHM,
                Ed25519Keys.fingerprint(key),
                keyId.equals(keys.keyId()),
                Ed25519Keys.pemOf("PUBLIC KEY", key.getEncoded()),
                new VerifierKey(integrity.origin(), SignatureType.ED25519, Ed25519Keys.rawPublicKey(key)).encoded());
    }
}
