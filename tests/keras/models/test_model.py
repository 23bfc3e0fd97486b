import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras import layers
from torchkeras.keras.trainers.trainer import Trainer


class TwoLayer(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = layers.Dense(8, activation="relu")
        self.out = layers.Dense(2)
        self.dropout = layers.Dropout(0.5)

    def call(self, inputs, training=False):
        return self.out(self.dropout(self.hidden(inputs), training=training))


def test_subclassed_model_tracks_layers_and_weights():
    model = TwoLayer()
    assert model.name.startswith("two_layer") and model.built is False
    assert model(np.ones((3, 4))).shape == (3, 2)
    assert [layer.name.split("_")[0] for layer in model.layers] == ["dense", "dense", "dropout"]
    assert len(model.trainable_weights) == 4 and len(list(model.parameters())) == 4
    assert model.count_params() == 4 * 8 + 8 + 8 * 2 + 2


def test_subclassed_model_build_marks_built_and_warns_like_keras_3():
    model = TwoLayer()
    with pytest.warns(
        UserWarning,
        match="does not have a `build\\(\\)` method implemented and it looks like it has unbuilt "
        "state",
    ):
        model.build((None, 5))
    assert model.built and model.weights == []


def test_trainer_comes_before_torch_module_in_the_mro():
    mro = keras.Model.__mro__
    assert mro.index(Trainer) < mro.index(torch.nn.Module)
    assert keras.Model.compile is Trainer.compile is not torch.nn.Module.compile


def test_model_moves_and_trains_with_torch_optimizer():
    model = TwoLayer()
    model(np.ones((1, 4)))
    model.to("cpu")
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    x = torch.randn(16, 4)
    before = model.out.kernel.numpy().copy()
    loss = torch.sum(tf.as_torch(model(x, training=False)) ** 2)
    assert loss.requires_grad is False
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(model(x) ** 2)
    grads = tape.gradient(loss, model.trainable_weights)
    for variable, grad in zip(model.trainable_weights, grads):
        variable._param.grad = tf.as_torch(grad)
    optimizer.step()
    assert not np.allclose(before, model.out.kernel.numpy())
