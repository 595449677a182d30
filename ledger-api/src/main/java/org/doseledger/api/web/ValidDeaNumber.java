package org.doseledger.api.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.doseledger.core.shared.DeaNumber;

/** A DEA registration number with a correct check digit (null is left to {@code @NotNull}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidDeaNumber.Validator.class)
public @interface ValidDeaNumber {

    String message() default "is not a valid DEA number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator extends ProblemReportingValidator<ValidDeaNumber> {

        public Validator() {
            super(DeaNumber::problemWith);
        }
    }
}
