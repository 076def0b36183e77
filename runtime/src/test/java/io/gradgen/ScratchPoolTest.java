package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScratchPoolTest {
  @Test
  void anObjectGivenBackIsTakenAgainAndNoneIsMadeForIt() {
    AtomicInteger made = new AtomicInteger();
    ScratchPool<double[]> pool = new ScratchPool<>(() -> {
      made.incrementAndGet();
      return new double[3];
    });
    double[] first = pool.take();
    pool.give(first);
    assertSame(first, pool.take());
    assertEquals(1, made.get());
  }

  @Test
  void callsHoldingObjectsAtOnceGetDifferentOnes() {
    ScratchPool<Object> pool = new ScratchPool<>(Object::new, 2);
    Object a = pool.take();
    Object b = pool.take();
    assertNotSame(a, b);
    pool.give(a);
    pool.give(b);
    Object c = new Object();
    pool.give(c); // over the capacity: dropped
    Set<Object> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    taken.add(pool.take());
    taken.add(pool.take());
    assertEquals(Set.of(a, b), Set.copyOf(taken));
    assertNotSame(c, pool.take(), "the third is new: the pool kept two");
  }

  /** Eight threads, 20,000 take/give pairs each: no object is ever held by two callers at once. */
  @Test
  void noObjectIsHeldByTwoThreadsAtOnce() throws InterruptedException {
    ScratchPool<AtomicInteger> pool = new ScratchPool<>(AtomicInteger::new, 4);
    AtomicInteger clashes = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[8];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int k = 0; k < 20_000; k++) {
          AtomicInteger holders = pool.take();
          if (holders.incrementAndGet() != 1) {
            clashes.incrementAndGet();
          }
          holders.decrementAndGet();
          pool.give(holders);
        }
      });
      threads[i].start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(0, clashes.get());
  }

  @Test
  void badArgumentsAreRefusedByName() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new ScratchPool<>(Object::new, 0))
        .getMessage().contains("capacity must be at least 1, but is 0"));
    assertTrue(assertThrows(NullPointerException.class, () -> new ScratchPool<>(() -> null).take())
        .getMessage().contains("factory returned null"));
    assertThrows(NullPointerException.class, () -> new ScratchPool<>(Object::new).give(null));
  }
}
