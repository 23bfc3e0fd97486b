"""A device out-of-memory error inside fit / evaluate / predict becomes
tf.errors.ResourceExhaustedError
naming the batch size (forced here: there is no GPU in the test environment)."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras


class _Exhausting(keras.layers.Layer):
    """Raises torch's out-of-memory error when ``armed``, as a CUDA allocation failure would."""

    armed = False

    def call(self, inputs):
        if self.armed:
            raise torch.OutOfMemoryError(
                "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 15.77 GiB total)"
            )
        return inputs


def _model():
    exhausting = _Exhausting()
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2), exhausting])
    model.compile("sgd", "mse")
    return model, exhausting


@pytest.mark.parametrize(
    "phase, run",
    [
        ("fit", lambda model, x, y: model.fit(x, y, batch_size=24, verbose=0)),
        ("evaluate", lambda model, x, y: model.evaluate(x, y, batch_size=24, verbose=0)),
        ("predict", lambda model, x, y: model.predict(x, batch_size=24, verbose=0)),
    ],
)
def test_out_of_memory_is_resource_exhausted_with_batch_size(phase, run):
    model, exhausting = _model()
    x, y = np.ones((50, 4), np.float32), np.ones((50, 2), np.float32)
    run(model, x, y)
    exhausting.armed = True
    with pytest.raises(tf.errors.ResourceExhaustedError) as info:
        run(model, x, y)
    assert str(info.value) == (
        "OOM in %s() with batch size 24: CUDA out of memory. Tried to allocate 2.00 GiB "
        "(GPU 0; 15.77 GiB total) Try a smaller `batch_size`." % phase
    )
    assert isinstance(info.value.__cause__, torch.OutOfMemoryError)
