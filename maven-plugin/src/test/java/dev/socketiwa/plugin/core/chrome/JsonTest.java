package dev.socketiwa.plugin.core.chrome;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    @Test
    void parsesWhatDevToolsSends() {
        Object parsed = Json.parse("{\"id\":7,\"result\":{\"result\":{\"type\":\"number\",\"value\":1.5}},"
                + "\"list\":[true,false,null,\"a\\\"b\\u00e9\\n\"],\"big\":12345678901234567890,\"neg\":-3}");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals(7L, map.get("id"));
        assertEquals(1.5, ((Map<?, ?>) ((Map<?, ?>) map.get("result")).get("result")).get("value"));
        assertEquals(java.util.Arrays.asList(true, false, null, "a\"b\u00e9\n"), map.get("list"));
        assertEquals(1.2345678901234567E19, map.get("big"));
        assertEquals(-3L, map.get("neg"));
    }

    @Test
    void writesAndReadsBack() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("method", "Runtime.evaluate");
        message.put("params", Map.of("expression", "a\tb\u0001 \"q\" \\", "flags", List.of(1L, 2L, true)));
        String text = Json.write(message);
        assertEquals(message, Json.parse(text));
        assertEquals("{\"s\":\"\\u0001\"}", Json.write(Map.of("s", "\u0001")));
    }

    @Test
    void rejectsBrokenInputWithAPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,}"));
        assertEquals("bad JSON at 7: expected a key", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1 2]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
    }
}
