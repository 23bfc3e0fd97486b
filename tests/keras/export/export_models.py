"""The book's model kinds, built with any Keras (``k`` is torchkeras' or real Keras), and inputs
for them: shared by the export tests."""

import numpy as np


def mlp(k):
    """Chapter 2's MNIST classifier, smaller."""
    return k.Sequential(
        [
            k.Input(shape=(12,)),
            k.layers.Dense(16, activation="relu"),
            k.layers.Dense(4, activation="softmax"),
        ]
    )


def convnet(k):
    """Chapter 8's convnet, smaller (Dropout and Flatten included: inference mode must hold)."""
    return k.Sequential(
        [
            k.Input(shape=(12, 12, 1)),
            k.layers.Conv2D(4, 3, activation="relu"),
            k.layers.MaxPooling2D(2),
            k.layers.Conv2D(4, 3, activation="relu"),
            k.layers.Flatten(),
            k.layers.Dropout(0.5),
            k.layers.Dense(3, activation="softmax"),
        ]
    )


def lstm(k):
    """Chapter 10's recurrent regressor."""
    return k.Sequential([k.Input(shape=(7, 3)), k.layers.LSTM(5), k.layers.Dense(1)])


def functional(k):
    """Chapter 7's multi-input functional model (two named inputs, BatchNormalization)."""
    title = k.Input(shape=(6,), name="title")
    tags = k.Input(shape=(4,), name="tags")
    x = k.layers.concatenate([k.layers.Dense(5, activation="relu")(title), tags])
    x = k.layers.BatchNormalization()(x)
    return k.Model([title, tags], k.layers.Dense(2)(x))


def subclassed(k):
    """Chapter 7's subclassed model, called once on a batch so it is built."""

    class Classifier(k.Model):
        def __init__(self):
            super().__init__()
            self.hidden = k.layers.Dense(8, activation="relu")
            self.out = k.layers.Dense(3, activation="softmax")

        def call(self, inputs):
            return self.out(self.hidden(inputs))

    model = Classifier()
    model(np.zeros((2, 5), "float32"))
    return model


BUILDERS = {
    "mlp": mlp,
    "convnet": convnet,
    "lstm": lstm,
    "functional": functional,
    "subclassed": subclassed,
}
INPUT_SHAPES = {
    "mlp": [(12,)],
    "convnet": [(12, 12, 1)],
    "lstm": [(7, 3)],
    "functional": [(6,), (4,)],
    "subclassed": [(5,)],
}


def inputs(kind, batch, seed=0):
    """Float32 inputs for ``kind`` with ``batch`` rows: a list, one array per model input."""
    rng = np.random.RandomState(seed)
    return [rng.normal(size=(batch,) + shape).astype("float32") for shape in INPUT_SHAPES[kind]]


def model_input(kind, arrays):
    """What ``model.predict`` takes for ``kind``: the list for the multi-input model, else the
    one array."""
    return arrays if kind == "functional" else arrays[0]


def build(k, kind):
    """The model ``kind``, with non-trivial BatchNormalization statistics where it has them."""
    model = BUILDERS[kind](k)
    for layer in model.layers:
        if type(layer).__name__ == "BatchNormalization":
            size = layer.moving_mean.shape[0]
            layer.moving_mean.assign(np.linspace(-1, 1, size).astype("float32"))
            layer.moving_variance.assign(np.linspace(0.5, 2, size).astype("float32"))
    return model
