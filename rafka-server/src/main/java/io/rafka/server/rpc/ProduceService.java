package io.rafka.server.rpc;

import io.grpc.stub.StreamObserver;
import io.rafka.proto.InitProducerIdRequest;
import io.rafka.proto.InitProducerIdResponse;
import io.rafka.proto.ProduceRequest;
import io.rafka.proto.ProduceResponse;
import io.rafka.proto.ProduceServiceGrpc;
import io.rafka.server.errors.Errors;
import io.rafka.server.produce.ProduceHandler;
import io.rafka.server.produce.ProducerIdAllocator;

/** gRPC binding of {@link ProduceHandler}. */
final class ProduceService extends ProduceServiceGrpc.ProduceServiceImplBase {
  private final ProduceHandler handler;
  private final ProducerIdAllocator producerIds;

  ProduceService(ProduceHandler handler, ProducerIdAllocator producerIds) {
    this.handler = handler;
    this.producerIds = producerIds;
  }

  @Override
  public void initProducerId(InitProducerIdRequest request, StreamObserver<InitProducerIdResponse> observer) {
    Responder.respond(observer, () -> producerIds.allocate().thenApply(id -> InitProducerIdResponse.newBuilder()
            .setError(Errors.NONE).setProducerId(id).setProducerEpoch(0).build()),
        e -> InitProducerIdResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void produce(ProduceRequest request, StreamObserver<ProduceResponse> observer) {
    Responder.respond(observer, () -> handler.produce(request),
        e -> ProduceResponse.newBuilder().setError(Errors.from(e)).build());
  }
}
