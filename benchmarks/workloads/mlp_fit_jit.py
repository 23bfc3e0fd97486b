"""mlp_fit_jit: ``mlp_fit`` compiled with ``model.compile(..., jit_compile=True)``
(torch.compile of the whole train step: forward, loss, gradients and the RMSprop update in one
graph; XLA in TensorFlow),
against the same *eager* raw-torch loop as ``mlp_fit``.  The first, untimed
round pays for compilation."""

from . import _mlp, mlp_fit

DESCRIPTION = "fit(): mlp_fit with compile(jit_compile=True), vs raw torch eager"
UNIT = "ms"
TARGET = 0.8
REPEATS = 3
THREADS = None

torch_version = mlp_fit.torch_version


def tf_version(tf, smoke):
    x, y = _mlp.data(smoke)
    model = _mlp.keras_model(tf, jit_compile=True)
    return lambda: model.fit(x, y, batch_size=_mlp.BATCH_SIZE, epochs=1, verbose=0)
