package dev.serviceaccounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        assertEquals("plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n",
                Csv.row(Arrays.asList("plain", null, "a,b", "say \"hi\"", "two\r\nlines")));
        assertEquals("'+1,'-1,'@SUM(A1)\r\n", Csv.row(List.of("+1", "-1", "@SUM(A1)")));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"\r\n", Csv.row(List.of("=HYPERLINK(\"x\")")));
        assertEquals("\"'=1,2\"\r\n", Csv.row(List.of("=1,2")));
        assertEquals("\" padded \"\r\n", Csv.row(List.of(" padded ")));
    }
}
