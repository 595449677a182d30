package org.doseledger.api.practice;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.doseledger.api.practice.PracticeRequests.RegisterPracticeRequest;
import org.doseledger.api.web.CommonRequests.AddressBody;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.shared.ControlledSchedule;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Registers a practice with its DEA registration, as {@code POST /api/practices} and the administrator's console
 * page both do: the same checks of the request, the same idempotent write.
 */
@Service
public class PracticeRegistration {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final Validator validator;

    PracticeRegistration(IdempotentWrites writes, LedgerWriter writer, Validator validator) {
        this.writes = writes;
        this.writer = writer;
        this.validator = validator;
    }

    /** What the console's form sends: the API's body, field by field. */
    public record Form(
            String practiceId,
            String name,
            String line1,
            String line2,
            String city,
            String state,
            String postalCode,
            String deaNumber,
            LocalDate deaRegistrationExpiresOn,
            List<ControlledSchedule> authorizedSchedules,
            String timeZone,
            String phone,
            String contactName) {

        RegisterPracticeRequest request() {
            return new RegisterPracticeRequest(
                    practiceId,
                    name,
                    new AddressBody(line1, line2, city, state, postalCode),
                    deaNumber,
                    deaRegistrationExpiresOn,
                    authorizedSchedules,
                    timeZone,
                    null,
                    phone,
                    contactName);
        }
    }

    /** What is wrong with the form, one sentence per field as the API's 400 names them; empty when nothing is. */
    public List<String> problems(Form form) {
        return validator.validate(form.request()).stream()
                .map(PracticeRegistration::describe)
                .sorted()
                .toList();
    }

    /** 201 with the receipt; a replay of the same key answers as the first time. */
    public ResponseEntity<Object> register(WriteContext context, Form form) {
        return register(context, form.request());
    }

    ResponseEntity<Object> register(WriteContext context, RegisterPracticeRequest request) {
        return writes.execute(
                context,
                "POST /api/practices",
                request,
                () -> WriteOutcome.created(
                        URI.create("/api/practices/" + request.practiceId()),
                        WriteReceipt.of(
                                request.practiceId(), writer.send(context, request.toCommand(context.recordedAt())))));
    }

    private static String describe(ConstraintViolation<RegisterPracticeRequest> violation) {
        String field = violation.getPropertyPath().toString();
        // the class-level checks (the time zone's) carry the field in their message
        return field.endsWith("Valid") ? violation.getMessage() : field + " " + violation.getMessage();
    }
}
