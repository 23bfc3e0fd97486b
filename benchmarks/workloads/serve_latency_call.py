"""serve_latency_call: ``serve_latency`` with the model called directly, ``model(x,
training=False)`` on the request's NumPy array (the output stays a tensor), against the same
exported-model baseline."""

from . import _serve

DESCRIPTION = (
    "batch-1 requests to the MLP 784-512-10: model(x) vs the model exported to ONNX, "
    "in %s" % _serve.BASELINE
)
UNIT = "ms"
TARGET = None
REPEATS = 7
THREADS = 1


def torch_version(smoke, device):
    return _serve.timed(_serve.exported_runner(), smoke)


def tf_version(tf, smoke):
    model = _serve.model(tf)
    return _serve.timed(lambda x: model(x, training=False), smoke)
