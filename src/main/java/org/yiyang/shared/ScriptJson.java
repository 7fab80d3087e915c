package org.yiyang.shared;

/**
 * JSON to embed in a page inside {@code <script type="application/json">}: the characters that
 * could close the script element or start markup are written as JSON escapes, so data (a name
 * containing {@code </script>}) stays data.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    public static String safe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
