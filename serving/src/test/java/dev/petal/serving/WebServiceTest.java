package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The Azure-style handle: deploy, scoringUri, run, delete. */
class WebServiceTest {
    private static ServingConfig quiet() {
        return ServingConfig.defaults().withRequestLog(line -> { });
    }

    @Test
    void deployRunDelete() {
        WebService service = WebService.deploy("scikit-learn-service", ServingFixtures.iris(), quiet());
        try {
            assertEquals("scikit-learn-service", service.name());
            assertEquals("http://127.0.0.1:" + service.server().port() + "/score", service.scoringUri().toString());
            assertEquals("[0,1,2,1,2]", service.run("{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
            assertEquals("[1]", service.run("{\"data\": [[6.1, 2.8, 4.7, 1.2]], \"method\": \"predict\"}"));
        } finally {
            service.delete();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.run("{\"data\": [[1, 2, 3, 4]]}"));
        assertEquals("Service 'scikit-learn-service' has been deleted; deploy it again to score.", e.getMessage());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", service.server().port()).close());
        service.delete();
    }

    @Test
    void runThrowsTheServicesErrorMessage() {
        try (WebService service = WebService.deploy("iris-svc", ServingFixtures.iris(), quiet())) {
            WebServiceException e = assertThrows(WebServiceException.class, () -> service.run("{\"data\": [[1, 2, 3]]}"));
            assertEquals(400, e.status());
            assertEquals("Service 'iris-svc' answered 400: X has 3 features, but SVC is expecting 4 features as input.", e.getMessage());
        }
    }

    @Test
    void runSendsTheKey() {
        try (WebService service = WebService.deploy("keyed", ServingFixtures.iris(), quiet().withApiKey("k-123"))) {
            assertEquals("k-123", service.key().orElseThrow());
            assertEquals("[2]", service.run("{\"data\": [[6.3, 3.3, 6.0, 2.5]]}"));
            assertEquals(401, new Http(service.uri()).postJson("/score", "{\"data\": [[6.3, 3.3, 6.0, 2.5]]}").status());
        }
    }

    @Test
    void serviceNamesFollowAzureRules() {
        for (String bad : new String[] {"ab", "Scikit", "1abc", "abc-", "a_bc", "a".repeat(33)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebService.deploy(bad, ServingFixtures.iris(), quiet()));
            assertEquals("Service name '" + bad + "' is not valid: use 3 to 32 characters, lowercase letters, digits and dashes,"
                    + " starting with a letter and not ending with a dash (e.g. 'scikit-learn-service').", e.getMessage());
        }
    }

    @Test
    void aTakenPortIsAClearError() throws IOException {
        try (WebService first = WebService.deploy("first", ServingFixtures.iris(), quiet())) {
            int port = first.server().port();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> WebService.deploy("second", ServingFixtures.iris(), quiet().withPort(port)));
            assertEquals("Cannot listen on 127.0.0.1:" + port + ": Address already in use (choose another port)", e.getMessage());
            assertEquals("[0]", first.run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"));
        }
    }
}
