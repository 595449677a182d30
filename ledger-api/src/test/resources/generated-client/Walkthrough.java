package org.example.ledger.walkthrough;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.example.ledger.client.ApiClient;
import org.example.ledger.client.ApiException;
import org.example.ledger.client.api.ApiKeysApi;
import org.example.ledger.client.api.PracticesApi;
import org.example.ledger.client.api.StorageLocationsApi;
import org.example.ledger.client.model.AddressBody;
import org.example.ledger.client.model.IssueApiKeyRequest;
import org.example.ledger.client.model.IssuedApiKey;
import org.example.ledger.client.model.PracticeView;
import org.example.ledger.client.model.RegisterLocationRequest;
import org.example.ledger.client.model.RegisterPracticeRequest;
import org.example.ledger.client.model.StorageLocationView;

/**
 * The start of the README's walkthrough written against the Java client that openapi-generator builds from
 * the ledger's own API document (GeneratedClientEndToEndTest compiles it with that client): an admin registers
 * a practice and issues practice software its key; the software registers the safe and lists it; an unknown
 * practice is a 404 problem document.
 */
public final class Walkthrough {

    private Walkthrough() {}

    public static String run(String baseUri, String adminKey, String deaNumber) throws Exception {
        ApiClient admin = client(baseUri, adminKey);
        String practiceId = "generated-" + UUID.randomUUID().toString().substring(0, 8);
        new PracticesApi(admin)
                .practiceRegister(
                        "register-" + practiceId,
                        new RegisterPracticeRequest()
                                .practiceId(practiceId)
                                .name("Client-built Ketamine Clinic")
                                .address(new AddressBody()
                                        .line1("1 Main St")
                                        .city("Springfield")
                                        .state("IL")
                                        .postalCode("62701"))
                                .deaNumber(deaNumber)
                                .deaRegistrationExpiresOn(LocalDate.parse("2028-06-30"))
                                .authorizedSchedules(List.of(
                                        RegisterPracticeRequest.AuthorizedSchedulesEnum.III,
                                        RegisterPracticeRequest.AuthorizedSchedulesEnum.IIIN))
                                .timeZone("America/Chicago"),
                        null);
        PracticeView practice = new PracticesApi(admin).practiceGet(practiceId);

        IssuedApiKey writerKey = new ApiKeysApi(admin)
                .apiKeyIssue(
                        "writer-" + practiceId,
                        new IssueApiKeyRequest()
                                .role(IssueApiKeyRequest.RoleEnum.PRACTICE_WRITER)
                                .practiceId(practiceId)
                                .label("EHR bridge"),
                        null);
        ApiClient writer = client(baseUri, writerKey.getApiKey());
        new StorageLocationsApi(writer)
                .locationRegister(
                        practiceId,
                        "safe-" + practiceId,
                        new RegisterLocationRequest()
                                .locationId("safe-1")
                                .name("Main safe")
                                .kind(RegisterLocationRequest.KindEnum.SAFE),
                        null);
        List<StorageLocationView> locations = new StorageLocationsApi(writer).locationList(practiceId);

        String unknown;
        try {
            new PracticesApi(admin).practiceGet("no-such-practice");
            unknown = "found";
        } catch (ApiException expected) {
            unknown = expected.getCode() + " " + (expected.getResponseBody().contains("\"PRACTICE_NOT_FOUND\"")
                    ? "PRACTICE_NOT_FOUND"
                    : expected.getResponseBody());
        }
        return practice.getName() + "; " + writerKey.getRole() + "; " + locations.size() + " location "
                + locations.get(0).getLocationId() + "; unknown practice " + unknown;
    }

    private static ApiClient client(String baseUri, String key) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }
}
