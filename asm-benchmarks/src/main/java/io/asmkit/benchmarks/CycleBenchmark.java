package io.asmkit.benchmarks;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import io.asmkit.feign.AsmClient;
import io.asmkit.sandbox.AsmSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One lock, update, unlock cycle on the local sandbox: through {@link AsmClient}, through {@link
 * CallService} over it, and as the same three requests sent with a bare {@link HttpClient}. All use
 * one access token obtained at set-up, the same sandbox, in the same JVM, in the same run.
 *
 * <p>The bare client does the least a correct client must: send the three requests with the token,
 * read each reply whole and check its status. The adapter also builds the body from a {@link
 * CallUpdate}, classifies the replies and parses the update's reply into a call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CycleBenchmark {

  private AsmSandbox sandbox;
  private AsmClient client;
  private CallService service;
  private HttpClient bare;
  private String authorization;
  private CallRef adapterCall;
  private CallRef serviceCall;
  private CallRef bareCall;
  private URI bareLock;
  private URI bareUpdate;
  private URI bareUnlock;
  private long cycles;

  /** Starts the sandbox, logs in once, and makes one call for each way of cycling. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    sandbox = AsmSandbox.builder().accessTokenLifetime(Duration.ofHours(2)).start();
    bare =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as the adapter's own client
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String token = BareLogin.accessToken(bare, sandbox.baseUrl());
    authorization = "Bearer " + token;

    client = AsmClient.builder(sandbox.baseUrl().toString()).bearerToken(token).build();
    service = new CallService(client);

    adapterCall = newCall();
    serviceCall = newCall();
    bareCall = newCall();
    String api = sandbox.baseUrl() + "/alemba.api/api/v2/call/" + bareCall;
    bareLock = URI.create(api + "/lock");
    bareUpdate = URI.create(api);
    bareUnlock = URI.create(api + "/unlock");
  }

  /** Stops the sandbox. */
  @TearDown(Level.Trial)
  public void tearDown() {
    sandbox.close();
  }

  /** Lock, update, unlock through the adapter. */
  @Benchmark
  public void adapter() {
    client.lock(adapterCall);
    client.update(adapterCall, CallUpdate.builder().description(nextText()).build());
    client.unlock(adapterCall);
  }

  /** The same cycle through the core's runLocked over the adapter. */
  @Benchmark
  public void serviceRunLocked() {
    CallUpdate update = CallUpdate.builder().description(nextText()).build();
    service.runLocked(
        serviceCall,
        LockWait.failFast(),
        call -> {
          call.update(update);
          return null;
        });
  }

  /** The same three requests with a bare JDK HttpClient. */
  @Benchmark
  public void bareHttpClient() throws IOException, InterruptedException {
    String text = nextText();
    send(put(bareLock).PUT(HttpRequest.BodyPublishers.noBody()), 204);
    String json = "{\"Description\":\"" + text + "\",\"DescriptionHtml\":\"" + text + "\"}";
    send(
        put(bareUpdate)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)),
        200);
    send(put(bareUnlock).PUT(HttpRequest.BodyPublishers.noBody()), 204);
  }

  /**
   * The same three requests with a bare JDK HttpClient, each sent with {@code sendAsync} and waited
   * for with a timeout, as the adapter's transport does (to bound the reading of the whole reply):
   * for information, to show what that way of waiting costs by itself.
   */
  @Benchmark
  public void bareHttpClientAsync() throws Exception {
    String text = nextText();
    sendAsync(put(bareLock).PUT(HttpRequest.BodyPublishers.noBody()), 204);
    String json = "{\"Description\":\"" + text + "\",\"DescriptionHtml\":\"" + text + "\"}";
    sendAsync(
        put(bareUpdate)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)),
        200);
    sendAsync(put(bareUnlock).PUT(HttpRequest.BodyPublishers.noBody()), 204);
  }

  private void sendAsync(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<byte[]> reply =
        bare.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
            .get(30, TimeUnit.SECONDS);
    if (reply.statusCode() != expected) {
      throw new IllegalStateException(
          "The sandbox answered " + reply.statusCode() + " to " + request.build().uri());
    }
  }

  private HttpRequest.Builder put(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private void send(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> reply =
        bare.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (reply.statusCode() != expected) {
      throw new IllegalStateException(
          "The sandbox answered " + reply.statusCode() + " to " + request.build().uri());
    }
  }

  private String nextText() {
    return "cycle " + cycles++;
  }

  private CallRef newCall() {
    return sandbox
        .model()
        .addCall(
            CallStage.OPEN,
            Map.of("Description", "benchmark", "DescriptionHtml", "benchmark", "CallStatus", 2));
  }
}
