package io.github.authschema.testkit.internal.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The values the access probe tries for a column whose check is a pattern. */
class AccessProbeSampleTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            ^[1-9][0-9]{1,14}$ ; 10
            ^\\+?[1-9]\\d{6,14}$ ; 1000000
            ^[A-Z]{3}-[0-9]{3}$ ; AAA-000
            ^[a-z0-9_]{3,20}$ ; aaa
            ^#[0-9a-fA-F]{6}$ ; #000000
            ^(GIFT|PROMO)-[0-9]{4}$ ; none
            ^[^@]+@[^@]+$ ; none
            """)
    void aSimplePatternGivesItsShortestMatch(String regex, String sample) {
        assertEquals(Optional.ofNullable(sample), AccessProbe.sampleOf(regex));
    }
}
