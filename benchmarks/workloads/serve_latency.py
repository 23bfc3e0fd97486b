"""serve_latency: batch-1 inference latency of the mlp_fit model (784-512-10) exported with
``model.export(format="onnx")`` and run in ONNX Runtime (the "torch" column: the serving
baseline) against ``model.predict_on_batch`` in torchkeras (and TensorFlow's with
``--tf-python``).  ``serve_latency_call`` measures ``model(x)`` against the same baseline."""

from . import _serve

DESCRIPTION = (
    "batch-1 requests to the MLP 784-512-10: model.predict_on_batch vs the model "
    "exported to ONNX, in %s" % _serve.BASELINE
)
UNIT = "ms"
TARGET = None
REPEATS = 7
THREADS = 1


def torch_version(smoke, device):
    return _serve.timed(_serve.exported_runner(), smoke)


def tf_version(tf, smoke):
    model = _serve.model(tf)
    return _serve.timed(model.predict_on_batch, smoke)
