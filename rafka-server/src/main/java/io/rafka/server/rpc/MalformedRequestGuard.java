package io.rafka.server.rpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;

/**
 * Answers a request whose bytes are not a valid message of its method with INVALID_ARGUMENT and a message
 * naming the method, instead of gRPC's generic "application error". The service is re-bound to raw streams
 * so that decoding happens inside a listener this guard wraps. Stateless and thread-safe.
 */
final class MalformedRequestGuard implements ServerInterceptor {
  private MalformedRequestGuard() {}

  static ServerServiceDefinition guard(io.grpc.BindableService service) {
    return ServerInterceptors.intercept(ServerInterceptors.useInputStreamMessages(service.bindService()),
        new MalformedRequestGuard());
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(delegate) {
      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (StatusRuntimeException e) {
          if (message instanceof InputStream && e.getStatus().getCode() == Status.Code.INTERNAL) {
            call.close(Status.INVALID_ARGUMENT.withDescription("malformed request for "
                + call.getMethodDescriptor().getFullMethodName() + ": " + e.getStatus().getDescription()),
                new Metadata());
          } else {
            throw e;
          }
        }
      }
    };
  }
}
