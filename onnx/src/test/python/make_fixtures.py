#!/usr/bin/python3
"""Makes the ONNX fixtures of gradgen-onnx's tests with PyTorch's own exporter.

Run it with Debian's python3-torch (apt-get install -y python3-torch), from anywhere:

    /usr/bin/python3 onnx/src/test/python/make_fixtures.py

It writes, next to the tests' resources (io/gradgen/onnx/fixtures/):
  NAME-opsetK.onnx   the network, exported by torch.onnx.export at opset K
  NAME.ref           the reference: per sample a line 'x v1 v2 ...' (the flattened input) and a
                     line 'y v1 v2 ...' (what PyTorch computed), as float32 values
  blobs-train.csv,   for the fine-tuning example: the data PyTorch trained 'blobs' on, and new
  blobs-shifted.csv  data from the same classes moved, which the Java side fine-tunes on
The files are committed, so the build and CI never need Python. Everything is seeded: running it
again with the same torch gives the same numbers (the .onnx bytes may differ between torch
versions).
"""
import math
import os
import random

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "io", "gradgen", "onnx", "fixtures")
# Opset 11, the oldest the issue asks for, and the newest this torch's exporter writes.
NEWEST = getattr(torch.onnx, "_constants").ONNX_MAX_OPSET if hasattr(torch.onnx, "_constants") else 17
OPSETS = [11, NEWEST]


class Reshaped(nn.Module):
    """x.reshape(-1, 6): a Reshape of a constant shape, then a dense layer."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 5)
        self.fc2 = nn.Linear(5, 2)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x.reshape(-1, 6))))


class MatMulAdd(nn.Module):
    """x @ W + b written out, which exports as MatMul and Add rather than Gemm."""

    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(3, 4) * 0.5)
        self.b1 = nn.Parameter(torch.randn(4) * 0.1)
        self.w2 = nn.Parameter(torch.randn(4, 2) * 0.5)
        self.b2 = nn.Parameter(torch.randn(2) * 0.1)

    def forward(self, x):
        h = torch.tanh(torch.matmul(x, self.w1) + self.b1)
        return self.b2 + torch.matmul(h, self.w2)


def networks():
    """(name, module, input shape without the batch) of every fixture."""
    torch.manual_seed(17)
    return [
        ("relu-mlp", nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)), (4,)),
        ("tanh-sigmoid-mlp", nn.Sequential(
            nn.Linear(5, 6), nn.Tanh(), nn.Linear(6, 4, bias=False), nn.Sigmoid(), nn.Linear(4, 2), nn.Sigmoid()), (5,)),
        ("softmax-classifier", nn.Sequential(
            nn.Flatten(), nn.Linear(6, 10), nn.LeakyReLU(0.2), nn.Linear(10, 4), nn.Softmax(dim=1)), (2, 3)),
        ("elu-logsoftmax", nn.Sequential(
            nn.Linear(4, 7), nn.ELU(), nn.Dropout(0.3), nn.Identity(), nn.Linear(7, 3), nn.LogSoftmax(dim=1)), (4,)),
        ("reshape-sigmoid", Reshaped(), (3, 2)),
        ("matmul-add", MatMulAdd(), (3,)),
        # GELU's exact form exports as Div, Erf, Add, Mul: outside what gradgen imports.
        ("unsupported-gelu", nn.Sequential(nn.Linear(3, 3), nn.GELU(), nn.Linear(3, 1)), (3,)),
        ("softmax-axis0", nn.Sequential(nn.Linear(3, 2), nn.Softmax(dim=0)), (3,)),
    ]


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def export(name, module, shape, opsets):
    module.eval()
    for opset in opsets:
        path = os.path.join(OUT, "%s-opset%d.onnx" % (name, opset))
        torch.onnx.export(module, torch.zeros((1,) + shape), path, opset_version=opset,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


def reference(name, module, shape, samples=6):
    gen = torch.Generator().manual_seed(1700)
    x = torch.randn((samples,) + shape, generator=gen) * 2
    with torch.no_grad():
        y = module(x)
    with open(os.path.join(OUT, name + ".ref"), "w") as f:
        f.write("# %s: inputs and PyTorch %s's outputs, one sample per pair of lines\n" % (name, torch.__version__))
        for i in range(samples):
            f.write("x " + fmt(x[i].reshape(-1).tolist()) + "\n")
            f.write("y " + fmt(y[i].reshape(-1).tolist()) + "\n")


def blobs(shift, count, rng):
    """Three classes in 2-D around fixed centres, moved by 'shift'."""
    centres = [(-2.0, 0.0), (2.0, 0.0), (0.0, 2.5)]
    rows = []
    for i in range(count):
        c = i % 3
        cx, cy = centres[c]
        rows.append((cx + shift[0] + rng.gauss(0, 0.6), cy + shift[1] + rng.gauss(0, 0.6), c))
    return rows


def write_csv(path, rows):
    with open(path, "w") as f:
        f.write("x1,x2,label\n")
        for x1, x2, c in rows:
            f.write("%.6f,%.6f,%s\n" % (x1, x2, ["a", "b", "c"][c]))


def train_blobs():
    """A 2-16-3 softmax classifier trained in PyTorch: what the fine-tuning example imports."""
    rng = random.Random(4242)
    train = blobs((0.0, 0.0), 300, rng)
    shifted = blobs((1.5, -1.5), 300, rng)
    write_csv(os.path.join(OUT, "blobs-train.csv"), train)
    write_csv(os.path.join(OUT, "blobs-shifted.csv"), shifted)
    torch.manual_seed(5)
    model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 3), nn.Softmax(dim=1))
    x = torch.tensor([[r[0], r[1]] for r in train])
    t = torch.tensor([r[2] for r in train])
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(300):
        opt.zero_grad()
        loss = nn.functional.nll_loss(torch.log(model(x)), t)
        loss.backward()
        opt.step()
    with torch.no_grad():
        acc = (model(x).argmax(1) == t).float().mean().item()
        xs = torch.tensor([[r[0], r[1]] for r in shifted])
        ts = torch.tensor([r[2] for r in shifted])
        acc_shifted = (model(xs).argmax(1) == ts).float().mean().item()
    print("blobs: training accuracy %.3f, on the shifted data %.3f" % (acc, acc_shifted))
    return model


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, module, shape in networks():
        export(name, module, shape, OPSETS if not name.startswith(("unsupported", "softmax-axis0")) else [NEWEST])
        reference(name, module, shape)
    model = train_blobs()
    export("blobs", model, (2,), [NEWEST])
    reference("blobs", model, (2,))
    print("wrote fixtures at opsets %s into %s" % (OPSETS, os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
