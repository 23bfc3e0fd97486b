"""Variable and layer paths follow Keras 3's name scopes (compared with real Keras): weights built
inside a Sequential, an RNN, a wrapper, a subclassed model or layer nest under their names;
optimizer
variables are named after the paths of the variables they track."""

import numpy as np
import pytest

pytest.importorskip("tensorflow")
import keras as real_keras  # noqa: E402

from torchkeras import keras  # noqa: E402


def _paths(k):
    k.backend.clear_session()
    out = {}
    model = k.Sequential(
        [
            k.Input((3, 4)),
            k.layers.LSTM(2, return_sequences=True),
            k.layers.TimeDistributed(k.layers.Dense(2)),
            k.layers.Bidirectional(k.layers.GRU(2)),
        ]
    )
    out["sequential"] = (
        [v.path for v in model.weights] + [layer.path for layer in model.layers] + [model.path]
    )

    class Block(k.layers.Layer):
        def __init__(self):
            super().__init__()
            self.inner = k.layers.Dense(3)
            self.scale = self.add_weight(shape=(), initializer="ones", name="scale")

        def build(self, input_shape):
            self.inner.build(input_shape)

        def call(self, x):
            return self.inner(x) * self.scale

    class Net(k.Model):
        def __init__(self):
            super().__init__()
            self.block = Block()
            self.head = k.layers.Dense(1)

        def call(self, x):
            return self.head(self.block(x))

    net = Net()
    net(np.ones((2, 4), np.float32))
    out["subclassed"] = [v.path for v in net.weights] + [net.block.path, net.head.path]
    inputs = k.Input((4,))
    dense = k.layers.Dense(2)
    functional = k.Model(inputs, dense(inputs))
    out["functional"] = [v.path for v in functional.weights] + [dense.path, k.layers.Dense(2).path]
    with k.name_scope("outer"):
        out["scope"] = [k.Variable(np.ones(2, np.float32), name="v").path]
    functional.compile(k.optimizers.Adam(), "mse")
    functional.fit(np.ones((4, 4), np.float32), np.ones((4, 2), np.float32), verbose=0)
    out["optimizer"] = [(v.name, v.path) for v in functional.optimizer.variables]
    return out


def test_paths_match_keras():
    ours, theirs = _paths(keras), _paths(real_keras)
    for key in theirs:
        assert ours[key] == theirs[key], key
