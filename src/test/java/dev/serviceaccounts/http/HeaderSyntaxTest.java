package dev.serviceaccounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderSyntaxTest {

    @ParameterizedTest(name = "Accept [{0}] valid: {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json|true",
            "*/*|true",
            "application/json;q=0.5, */*;q=0.1|true",
            "application/json; q=1.000|true",
            "text/html;level=1;q=0|true",
            "application/json;charset=\"utf-8\"|true",
            ",,application/json,|true",
            "application/json;q=abc|false",
            "application/json;q=1.5|false",
            "application/json;q=0.1234|false",
            "application/json;q=|false",
            "text|false",
            "\"|false",
            "application/json;=x|false",
            "application/json;charset|false",
            "appli cation/json|false",
    })
    void acceptHeaders(String header, boolean valid) {
        assertEquals(valid, HeaderSyntax.isValidAccept(header));
    }

    @ParameterizedTest(name = "Content-Type [{0}] valid: {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json|true",
            "application/merge-patch+json; charset=UTF-8|true",
            "*/*|true",
            "application/json;q=x|false",
            "application/json;q=1|false",
            "text|false",
            ";|false",
            "application/json;;|false",
    })
    void contentTypes(String header, boolean valid) {
        assertEquals(valid, HeaderSyntax.isValidContentType(header));
    }

    @ParameterizedTest(name = "escapes in [{0}] well-formed: {1}")
    @CsvSource(delimiter = '|', value = {
            "q=caf%C3%A9|true",
            "q=a+b&x=%2F|true",
            "q=plain|true",
            "q=%zz|false",
            "q=%|false",
            "q=%4|false",
            "q=%C3%28|false",
            "q=%FF|false",
    })
    void percentEscapes(String raw, boolean wellFormed) {
        assertEquals(wellFormed, RequestGuard.hasWellFormedEscapes(raw));
    }

    @ParameterizedTest(name = "[{0}] has {1} parameters")
    @CsvSource(delimiter = '|', value = {"''|0", "a=1|1", "a=1&b=2|2", "&&|3"})
    void parameterCounts(String query, int count) {
        assertEquals(count, RequestGuard.parameterCount(query));
    }
}
