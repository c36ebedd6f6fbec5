package io.rafka.server.metadata;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Waits for the local metadata copy to reach a condition (a topic exists, every partition has a leader):
 * fed every new image, it completes the waits whose condition now holds. Thread-safe.
 */
public final class ImageWatch {
  private final Queue<Wait> waits = new ConcurrentLinkedQueue<>();
  private volatile ClusterImage current = ClusterImage.EMPTY;

  public void onImage(ClusterImage image) {
    current = image;
    for (Iterator<Wait> it = waits.iterator(); it.hasNext(); ) {
      Wait w = it.next();
      if (w.future.isDone() || w.condition.test(image)) {
        it.remove();
        w.future.complete(image);
      }
    }
  }

  /** Completes with the first image that satisfies {@code condition}, or with the newest image at timeout. */
  public CompletableFuture<ClusterImage> await(Predicate<ClusterImage> condition, long timeoutMs) {
    Wait w = new Wait(condition, new CompletableFuture<>());
    waits.add(w);
    ClusterImage now = current;
    if (condition.test(now)) {
      waits.remove(w);
      w.future.complete(now);
    }
    return w.future.completeOnTimeout(null, timeoutMs, TimeUnit.MILLISECONDS)
        .thenApply(image -> {
          waits.remove(w);
          return image == null ? current : image;
        });
  }

  private record Wait(Predicate<ClusterImage> condition, CompletableFuture<ClusterImage> future) {}
}
