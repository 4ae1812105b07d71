package nl.fotadesk.backend.api;

import nl.fotadesk.backend.TestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/api.md} in step with the code: every route of the running backend has a heading
 * {@code ### METHOD /api/v1/...} (the same URI template), and the page documents no route the code lacks.
 */
class ApiDocumentationTest {
    /** Relative to the project root, the working directory of Maven's tests. */
    static final Path DOC = Path.of("docs", "api.md");
    private static final String METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";
    private static final Pattern ROUTE_HEADING = Pattern.compile("### (" + METHODS + ") (/api/v1/\\S*)");
    /** Any heading that starts with a method, well formed or not. */
    private static final Pattern METHOD_HEADING = Pattern.compile(" {0,3}#{1,6}\\s+`?(" + METHODS + ")\\b.*");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(```|~~~).*");

    @TempDir
    Path data;

    @Test
    void everyRouteHasItsHeadingAndEveryHeadingIsARoute() throws Exception {
        TestBackend backend = new TestBackend(data);
        List<String> routes;
        try {
            routes = backend.server().apiRoutes();
        } finally {
            backend.close();
        }
        assertThat(routes).as("the backend lists its routes").isNotEmpty();
        assertThat(DOC).as("the API reference, relative to the project root").isRegularFile();

        List<String> problems = problems(routes, Files.readString(DOC));
        assertThat(problems).as("docs/api.md against BackendServer.apiRoutes()").isEmpty();
    }

    @Test
    void theCheckReportsMissingExtraDuplicateAndMalformedHeadings() {
        List<String> routes = List.of("GET /api/v1/devices", "POST /api/v1/devices", "GET /api/v1/devices/{imei}");
        String doc = String.join("\n",
                "# API",
                "### GET /api/v1/devices",
                "### DELETE /api/v1/devices/{imei}",
                "```",
                "### POST /api/v1/devices",
                "```",
                "## GET /api/v1/devices/{imei}",
                "### GET /api/v1/devices",
                "### GET /api/v1/devices/{id}",
                "### Paging");

        assertThat(problems(routes, doc)).containsExactly(
                "line 7: a route heading must read exactly \"### METHOD /api/v1/path\": ## GET /api/v1/devices/{imei}",
                "line 8: documented twice: GET /api/v1/devices",
                "not documented (no \"### POST /api/v1/devices\" heading): POST /api/v1/devices",
                "not documented (no \"### GET /api/v1/devices/{imei}\" heading): GET /api/v1/devices/{imei}",
                "documented but not a route of the API: DELETE /api/v1/devices/{imei}",
                "documented but not a route of the API: GET /api/v1/devices/{id}");
        assertThat(problems(routes, "### GET /api/v1/devices\n### POST /api/v1/devices\n"
                + "### GET /api/v1/devices/{imei}\n")).isEmpty();
    }

    /** What is wrong with {@code markdown} as the reference of {@code routes} ("METHOD template" each). */
    static List<String> problems(List<String> routes, String markdown) {
        List<String> problems = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        boolean inCode = false;
        String[] lines = markdown.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            if (inCode || !METHOD_HEADING.matcher(line).matches()) {
                continue;
            }
            Matcher m = ROUTE_HEADING.matcher(line);
            if (!m.matches()) {
                problems.add("line " + (i + 1) + ": a route heading must read exactly \"### METHOD /api/v1/path\": "
                        + line);
                continue;
            }
            String route = m.group(1) + " " + m.group(2);
            if (!documented.add(route)) {
                problems.add("line " + (i + 1) + ": documented twice: " + route);
            }
        }
        for (String route : routes) {
            if (!documented.contains(route)) {
                problems.add("not documented (no \"### " + route + "\" heading): " + route);
            }
        }
        for (String route : documented) {
            if (!routes.contains(route)) {
                problems.add("documented but not a route of the API: " + route);
            }
        }
        return problems;
    }
}
