package org.doseledger.api.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.doseledger.core.shared.Npi;

/** A National Provider Identifier with a correct check digit (null is left to {@code @NotNull}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidNpi.Validator.class)
public @interface ValidNpi {

    String message() default "is not a valid NPI";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator extends ProblemReportingValidator<ValidNpi> {

        public Validator() {
            super(Npi::problemWith);
        }
    }
}
