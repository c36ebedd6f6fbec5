package io.rafka.client.internals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rafka.proto.InitProducerIdRequest;
import io.rafka.proto.InitProducerIdResponse;
import io.rafka.proto.ProduceServiceGrpc;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChannelsTest {
  /**
   * A node that was down for a while and then starts must be reachable within the client's own reconnect
   * backoff, not gRPC's (it grows with every failed attempt, to 2 minutes; after 12 s of failures the next
   * attempt is about 5 s away): a restarted node may be the new leader.
   */
  @Test
  void aNodeThatStartsIsReachableWithinTheClientsReconnectBackoff() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    String address = "127.0.0.1:" + port;
    try (Channels channels = new Channels(1 << 20)) {
      long downUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
      while (System.nanoTime() < downUntil) {
        StatusRuntimeException down = assertThrows(StatusRuntimeException.class, () -> call(channels, address));
        assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode(), "nothing listens yet");
        TimeUnit.MILLISECONDS.sleep(1000); // a client retrying at its own pace
      }

      Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
          .addService(new ProduceServiceGrpc.ProduceServiceImplBase() {
            @Override
            public void initProducerId(InitProducerIdRequest request,
                StreamObserver<InitProducerIdResponse> response) {
              response.onNext(InitProducerIdResponse.newBuilder().setProducerId(42).build());
              response.onCompleted();
            }
          }).build().start();
      long started = System.nanoTime();
      try {
        InitProducerIdResponse answer = null;
        while (answer == null) {
          try {
            answer = call(channels, address);
          } catch (StatusRuntimeException e) {
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
            TimeUnit.MILLISECONDS.sleep(50); // the client's own retry pace
          }
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(42, answer.getProducerId());
        assertTrue(tookMillis < Channels.RECONNECT_BACKOFF.toMillis() + 1000,
            "reachable " + tookMillis + " ms after it started");
      } finally {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static InitProducerIdResponse call(Channels channels, String address) {
    return ProduceServiceGrpc.newBlockingStub(channels.get(address)).withDeadlineAfter(5, TimeUnit.SECONDS)
        .initProducerId(InitProducerIdRequest.getDefaultInstance());
  }
}
