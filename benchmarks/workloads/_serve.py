"""Shared parts of the serving workloads (``serve_latency``, ``serve_latency_call``): the mlp_fit
model, one batch-1 request, and the model exported for serving (ONNX in ONNX Runtime, or the
``torch.export`` program where ONNX Runtime or the ``onnx`` extra is missing)."""

import importlib.util
import tempfile

import numpy as np

from . import _mlp

ONNX = all(importlib.util.find_spec(name) for name in ("onnx", "onnxscript", "onnxruntime"))
BASELINE = "ONNX Runtime (1 thread)" if ONNX else "the torch.export program (no onnxruntime here)"
_MODELS = {}
_RUNNERS = []


def calls(smoke):
    """Requests per repetition."""
    return 20 if smoke else 2000


def request():
    """One batch-1 request, as a server receives it: a (1, 784) float32 NumPy array."""
    return np.random.RandomState(0).rand(1, 784).astype(np.float32)


def model(tf):
    """The mlp_fit model for ``tf`` (torchkeras or TensorFlow), built once per ``tf`` so every
    side of a workload serves the same weights."""
    if id(tf) not in _MODELS:
        _MODELS[id(tf)] = _mlp.keras_model(tf)
    return _MODELS[id(tf)]


def exported_runner():
    """A callable serving one request with torchkeras' model exported for serving (exported
    once per process)."""
    if not _RUNNERS:
        _RUNNERS.append(_export())
    return _RUNNERS[0]


def _export():
    import torchkeras as tf

    keras_model = model(tf)
    folder = tempfile.mkdtemp(prefix="serve_latency_")
    if ONNX:
        import onnxruntime

        path = folder + "/model.onnx"
        keras_model.export(path, format="onnx", verbose=False)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        name = session.get_inputs()[0].name
        return lambda x: session.run(None, {name: x})[0]
    import torch

    path = folder + "/model.pt2"
    keras_model.export(path, format="torch", verbose=False)
    program = torch.export.load(path).module()

    def run(x):
        with torch.inference_mode():
            return program(torch.from_numpy(x)).numpy()

    return run


def timed(serve, smoke):
    """One repetition: ``calls(smoke)`` requests through ``serve``."""
    x, count = request(), calls(smoke)

    def run():
        for _ in range(count):
            serve(x)

    return run
