#!/usr/bin/python3
"""PyTorch on one thread, timed on the networks of gradgen's benchmark table.

What it measures, per network (784-128-10 and 64-32-10, as in
examples/src/main/java/io/gradgen/examples/bench/Net784x128x10.java and
Net64x32x10.java: ReLU hidden layer, softmax output, categorical cross-entropy)
and precision (float32, float64):

  predict            forward pass and softmax of one sample, under no_grad
  predict, batch 64  the same for a batch of 64 rows
  train step         forward, cross-entropy, backward and an SGD update of one sample
  train step, b. 64  the same for a batch of 64 rows, with the mean loss (gradgen's
                     batch step also updates with the mean gradient)

with torch.set_num_threads(1), learning rate 0.01 (BenchData.LEARNING_RATE),
inputs uniform in [-1, 1) and one-hot targets. Each figure is measured in
REPEATS repetitions of a loop of calls that lasts about 0.2 s, after a warm-up;
it prints the median per sample in microseconds and the spread (min..max over
the repetitions). Not run by the build or its tests: CI needs no Python.

Run (Debian: apt-get install python3-torch):
  /usr/bin/python3 examples/src/main/python/torch_bench.py
Debian's torch calls the BLAS of the libblas.so.3 alternative (the reference
BLAS unless another is installed); to time it with OpenBLAS instead
(apt-get install libopenblas0-pthread), without changing the system default:
  OPENBLAS_NUM_THREADS=1 LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread \\
    /usr/bin/python3 examples/src/main/python/torch_bench.py
"""

import statistics
import sys
import time

import torch
import torch.nn.functional as F

BATCH = 64
LEARNING_RATE = 0.01
REPEATS = 11
NETWORKS = [(784, 128, 10), (64, 32, 10)]
DTYPES = [(torch.float32, "f32"), (torch.float64, "f64")]


def network(sizes, dtype):
    torch.manual_seed(42)
    inputs, hidden, outputs = sizes
    return torch.nn.Sequential(
        torch.nn.Linear(inputs, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, outputs)
    ).to(dtype)


def data(sizes, rows, dtype):
    generator = torch.Generator().manual_seed(rows)
    x = (torch.rand(rows, sizes[0], generator=generator, dtype=torch.float64) * 2 - 1).to(dtype)
    target = torch.full((rows,), 2, dtype=torch.long)  # one-hot class 2, as BenchData.oneHot(10, 2)
    return x, target


def timed(call, rows):
    """Median and min..max over REPEATS of the time per sample of call(), in microseconds."""
    calls = 1
    while True:  # warm-up, and a loop long enough for the clock
        start = time.perf_counter()
        for _ in range(calls):
            call()
        if time.perf_counter() - start > 0.2:
            break
        calls *= 2
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter_ns()
        for _ in range(calls):
            call()
        samples.append((time.perf_counter_ns() - start) / calls / rows / 1000.0)
    return statistics.median(samples), min(samples), max(samples)


def predict(model, x):
    def call():
        with torch.no_grad():
            return F.softmax(model(x), dim=1)

    return call


def train_step(model, x, target):
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)

    def call():
        optimizer.zero_grad(set_to_none=False)
        loss = F.cross_entropy(model(x), target)  # log-softmax and NLL from the logits, mean over rows
        loss.backward()
        optimizer.step()
        return loss

    return call


def blas():
    """The BLAS library this process loaded (torch.mm of a matrix makes sure it is loaded)."""
    torch.mm(torch.ones(8, 8), torch.ones(8, 8))
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return ", ".join(sorted(paths)) or "built in"


def main():
    torch.set_num_threads(1)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread, Python {sys.version.split()[0]}, BLAS {blas()}")
    print(f"per sample, µs: median (min..max of {REPEATS} repetitions)")
    print(f"{'network':<16}{'operation':<22}{'median µs':>12}  spread")
    for sizes in NETWORKS:
        for dtype, label in DTYPES:
            name = "-".join(map(str, sizes)) + " " + label
            model = network(sizes, dtype)
            for operation, rows, make in [
                ("predict", 1, lambda x, t: predict(model, x)),
                ("predict, batch 64", BATCH, lambda x, t: predict(model, x)),
                ("train step", 1, lambda x, t: train_step(model, x, t)),
                ("train step, batch 64", BATCH, lambda x, t: train_step(model, x, t)),
            ]:
                x, target = data(sizes, rows, dtype)
                median, low, high = timed(make(x, target), rows)
                print(f"{name:<16}{operation:<22}{median:>12.2f}  {low:.2f}..{high:.2f}")


if __name__ == "__main__":
    main()
