import numpy as np
import pytest

from torchkeras.keras import layers

RNG = np.random.RandomState(0)


def test_batch_normalization_training_uses_batch_stats_and_updates_moving_stats():
    x = RNG.randn(16, 3).astype("float32") * 3 + 1
    layer = layers.BatchNormalization(momentum=0.9)
    out = layer(x, training=True).numpy()
    np.testing.assert_allclose(
        out, (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-3), rtol=1e-4, atol=1e-5
    )
    np.testing.assert_allclose(layer.moving_mean.numpy(), 0.1 * x.mean(0), rtol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), 0.9 + 0.1 * x.var(0), rtol=1e-5)
    inference = layer(x).numpy()
    expected = (x - layer.moving_mean.numpy()) / np.sqrt(layer.moving_variance.numpy() + 1e-3)
    np.testing.assert_allclose(inference, expected, rtol=1e-5)
    assert [w.name for w in layer.weights] == ["gamma", "beta", "moving_mean", "moving_variance"]
    assert [w.trainable for w in layer.weights] == [True, True, False, False]


def test_frozen_batch_normalization_runs_in_inference_mode():
    x = RNG.randn(8, 2).astype("float32")
    layer = layers.BatchNormalization()
    layer.trainable = False
    layer(x, training=True)
    assert layer.moving_mean.numpy().tolist() == [0.0, 0.0]


def test_batch_normalization_defaults_follow_keras():
    config = layers.BatchNormalization().get_config()
    assert (config["momentum"], config["epsilon"], config["axis"]) == (0.99, 0.001, -1)


def test_layer_normalization():
    x = RNG.randn(2, 3, 4).astype("float32")
    out = layers.LayerNormalization()(x).numpy()
    np.testing.assert_allclose(
        out,
        (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-3),
        rtol=1e-4,
        atol=1e-5,
    )
    layer = layers.LayerNormalization(axis=[1, 2], center=False)
    layer(x)
    assert [tuple(w.shape) for w in layer.weights] == [(3, 4)]


def test_batch_normalization_input_spec():
    layer = layers.BatchNormalization()
    layer(np.ones((2, 3), "float32"))
    with pytest.raises(ValueError, match="expected axis -1 of input shape to have value 3"):
        layer(np.ones((2, 4), "float32"))


@pytest.mark.parametrize(
    "value,opname",
    [
        (np.ones((1, 2, 3), dtype=np.int32), "Rsqrt"),
        (np.array([["a"]]), "Square"),
        (np.array([[True]]), "Square"),
    ],
)
def test_unit_normalization_of_non_floats_is_tfs_attr_error(value, opname):
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the class is checked below
        layers.UnitNormalization()(value)
    assert type(caught.value).__name__ == "InvalidArgumentError"
    assert "[Op:%s]" % opname in str(caught.value)
