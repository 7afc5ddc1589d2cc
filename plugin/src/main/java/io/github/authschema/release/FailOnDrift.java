package io.github.authschema.release;

import io.github.authschema.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which differences between the target and what its applied migrations build stop a release before its first write. */
public enum FailOnDrift {
    /** Differences in objects the pending migrations create, alter or name. */
    TOUCHED,
    /** Any difference. */
    ANY,
    /** None: differences are only reported. */
    NONE;

    public static FailOnDrift parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid failOnDrift '" + value + "'. Use one of: "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}
