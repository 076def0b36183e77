package io.gradgen;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The scratch objects (arrays of intermediate values) that the calls of a generated model class
 * share: a call takes one, uses it alone, and gives it back. Once as many exist as calls have run
 * at the same time, calls allocate nothing — on any thread. A {@link ThreadLocal} allocates once
 * per thread instead, which is once per call where every call runs on a new thread (a virtual
 * thread per task): 1.2 MB per batch predict at 784-128-10.
 *
 * <p>The pool keeps at most {@link #capacity()} idle objects (by default four per core): past that
 * many calls at once, a call that finds none idle makes its own, which is then dropped. A scratch
 * object lost to an exception is only made again. Safe for any number of threads; each thread
 * starts its search at a slot of its own, and the uncontended cost is one atomic exchange and one
 * compare-and-set per call (about 3 ns more than a ThreadLocal's lookup, measured here).
 *
 * @param <T> the type of the scratch objects
 */
public final class ScratchPool<T> {
  private final Supplier<T> factory;
  private final AtomicReferenceArray<T> idle;

  /**
   * A pool that keeps up to four idle objects per available processor (at least 8).
   *
   * @param factory makes a scratch object when none is idle
   */
  public ScratchPool(Supplier<T> factory) {
    this(factory, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
  }

  /**
   * A pool that keeps up to {@code capacity} idle objects.
   *
   * @param factory makes a scratch object when none is idle
   * @param capacity how many idle objects the pool keeps, at least 1
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public ScratchPool(Supplier<T> factory, int capacity) {
    this.factory = Objects.requireNonNull(factory, "factory");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, but is " + capacity);
    }
    this.idle = new AtomicReferenceArray<>(capacity);
  }

  /**
   * An idle scratch object, or a new one if none is idle. The caller owns it until {@link #give}.
   *
   * @return a scratch object no other caller holds
   */
  public T take() {
    int n = idle.length();
    int start = home(n);
    for (int k = 0; k < n; k++) {
      int i = (start + k) % n;
      // An acquire read first (a plain load on x86): an empty slot costs no atomic exchange.
      if (idle.getAcquire(i) != null) {
        T t = idle.getAndSet(i, null);
        if (t != null) {
          return t;
        }
      }
    }
    return Objects.requireNonNull(factory.get(), "the factory returned null");
  }

  /** The slot a thread looks at first: threads that call at once mostly touch different slots. */
  private static int home(int n) {
    return (int) (Thread.currentThread().getId() % n);
  }

  /**
   * Gives a scratch object back for the next call; kept unless the pool already holds {@link
   * #capacity()} idle ones. Give each object back once, and only after its last use: an object
   * given twice could be taken by two callers.
   *
   * @param t a scratch object taken from this pool, no longer used by the caller
   * @throws NullPointerException if {@code t} is null
   */
  public void give(T t) {
    Objects.requireNonNull(t, "t");
    int n = idle.length();
    int start = home(n);
    for (int k = 0; k < n; k++) {
      int i = (start + k) % n;
      if (idle.getAcquire(i) == null && idle.compareAndSet(i, null, t)) {
        return;
      }
    }
  }

  /**
   * How many idle objects the pool keeps at most.
   *
   * @return the capacity given at construction
   */
  public int capacity() {
    return idle.length();
  }
}
