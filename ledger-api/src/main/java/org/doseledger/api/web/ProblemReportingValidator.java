package org.doseledger.api.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.function.Function;

/**
 * A text constraint checked by a domain type's own {@code problemWith} (a DEA number, an NPI): the problem it
 * names is the violation's message; null is left to {@code @NotNull}.
 */
abstract class ProblemReportingValidator<A extends Annotation> implements ConstraintValidator<A, String> {

    private final Function<String, String> problemWith;

    ProblemReportingValidator(Function<String, String> problemWith) {
        this.problemWith = problemWith;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problemWith.apply(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
