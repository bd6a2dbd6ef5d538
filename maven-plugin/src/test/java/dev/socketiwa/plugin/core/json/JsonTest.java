package dev.socketiwa.plugin.core.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    @Test
    void parsesAllValueKindsInOrder() throws Exception {
        Object v = Json.parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": \"x\\u00e9\\n\\\"\", \"c\": {}} ");
        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals(List.of("b", "a", "c"), List.copyOf(map.keySet()));
        List<?> list = (List<?>) map.get("b");
        assertEquals(new JsonNumber("1"), list.get(0));
        assertEquals(new JsonNumber("-2.5e3"), list.get(1));
        assertEquals(Boolean.TRUE, list.get(2));
        assertNull(list.get(4));
        assertEquals("x\u00e9\n\"", map.get("a"));
    }

    @Test
    void roundTripsThroughTheWriter() throws Exception {
        String text = "{\n  \"name\": \"a\\\\b\",\n  \"n\": 1.50,\n  \"l\": [\"self\"],\n  \"o\": {\n    \"k\": []\n  }\n}\n";
        assertEquals(text, JsonWriter.write(Json.parse(text)));
    }

    @Test
    void reportsLineAndColumnOfTheMistake() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertEquals(3, e.line());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().contains("expected ':'"), e.getMessage());
    }

    @Test
    void rejectsWhatJsonDoesNotAllow() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\":1,}", "01", "'x'", "{a:1}", "[1] x", "\"\t\"", "1.", "nul",
                "\"\\x\"", "[".repeat(300)}) {
            assertThrows(JsonException.class, () -> Json.parse(bad), bad);
        }
    }
}
