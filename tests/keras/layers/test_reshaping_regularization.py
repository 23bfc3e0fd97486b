"""UpSampling / ZeroPadding / Cropping, the noise and spatial-dropout layers,
ActivityRegularization,
GroupNormalization and UnitNormalization (no TensorFlow needed)."""

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers

RNG = np.random.RandomState(0)


def test_up_sampling_nearest_and_bilinear():
    x = np.arange(4, dtype="float32").reshape(1, 2, 2, 1)
    assert np.asarray(layers.UpSampling2D()(x))[0, :, :, 0].tolist() == [
        [0, 0, 1, 1],
        [0, 0, 1, 1],
        [2, 2, 3, 3],
        [2, 2, 3, 3],
    ]
    bilinear = np.asarray(layers.UpSampling2D(interpolation="bilinear")(x))[0, :, :, 0]
    assert bilinear[0].tolist() == [0.0, 0.25, 0.75, 1.0]
    repeated = np.asarray(layers.UpSampling1D(3)(np.array([[[1.0], [2.0]]], "float32")))[0, :, 0]
    assert repeated.tolist() == [1, 1, 1, 2, 2, 2]
    bicubic = layers.UpSampling2D(interpolation="bicubic")
    np.testing.assert_allclose(
        np.asarray(bicubic(np.full((1, 3, 3, 2), 5.0, "float32"))), 5.0, rtol=1e-6
    )
    ramp = np.tile(np.arange(8, dtype="float32")[None, :, None, None], (1, 1, 8, 1))
    interior = np.asarray(bicubic(ramp))[0, 4:12, 0, 0]
    np.testing.assert_allclose(interior, np.arange(4, 12) / 2 - 0.25, atol=2e-3)
    with pytest.raises(ValueError, match="interpolation=lanczos3"):
        layers.UpSampling2D(interpolation="lanczos3")


def test_zero_padding_and_cropping_invert():
    x = RNG.randn(2, 4, 5, 3).astype("float32")
    padded = layers.ZeroPadding2D(((1, 2), (0, 3)))(x)
    assert tuple(padded.shape) == (2, 7, 8, 3)
    assert float(np.abs(np.asarray(padded)).sum()) == pytest.approx(
        float(np.abs(x).sum()), rel=1e-6
    )
    np.testing.assert_array_equal(np.asarray(layers.Cropping2D(((1, 2), (0, 3)))(padded)), x)
    seq = RNG.randn(2, 5, 3).astype("float32")
    np.testing.assert_array_equal(
        np.asarray(layers.Cropping1D((2, 1))(layers.ZeroPadding1D((2, 1))(seq))), seq
    )
    first = layers.ZeroPadding2D(1, data_format="channels_first")(x)
    assert tuple(first.shape) == (2, 4, 7, 5)


def test_normalized_arguments_and_errors():
    assert layers.ZeroPadding2D(2).padding == ((2, 2), (2, 2))
    assert layers.ZeroPadding2D((1, 2)).padding == ((1, 1), (2, 2))
    assert layers.Cropping2D(1).cropping == ((1, 1), (1, 1))
    assert layers.ZeroPadding1D(3).padding == (3, 3)
    with pytest.raises(
        ValueError, match=r"`padding` should have two elements. Received: padding=\(1, 2, 3\)"
    ):
        layers.ZeroPadding2D((1, 2, 3))
    with pytest.raises(ValueError, match="must be smaller than the input length"):
        layers.Cropping1D((3, 3))(np.zeros((1, 6, 2), "float32"))
    with pytest.raises(
        ValueError, match="should be smaller than the corresponding spatial dimension"
    ):
        layers.Cropping2D(((3, 3), (0, 0)))(np.zeros((1, 5, 5, 1), "float32"))
    with pytest.raises(
        ValueError, match="layer 'up' is incompatible with the layer: expected ndim=4, found ndim=2"
    ):
        layers.UpSampling2D(name="up")(np.zeros((2, 5), "float32"))


@pytest.mark.parametrize(
    "layer,shape,expected",
    [
        (layers.UpSampling2D((2, 3)), (None, 4, 5, 3), (None, 8, 15, 3)),
        (layers.UpSampling1D(), (None, 4, 3), (None, 8, 3)),
        (
            layers.ZeroPadding2D(((1, 2), (0, 3)), data_format="channels_first"),
            (None, 3, 4, 5),
            (None, 3, 7, 8),
        ),
        (layers.Cropping2D(((1, 0), (2, 1))), (None, 4, 5, 3), (None, 3, 2, 3)),
        (layers.Cropping1D(1), (None, 6, 3), (None, 4, 3)),
    ],
)
def test_output_shapes(layer, shape, expected):
    assert layer.compute_output_shape(shape) == expected
    assert tuple(layer(keras.Input(shape=shape[1:])).shape) == expected


def test_spatial_dropout_masks_whole_channels_only_while_training():
    x = np.ones((8, 5, 6, 16), "float32")
    layer = layers.SpatialDropout2D(0.5, seed=3)
    np.testing.assert_array_equal(np.asarray(layer(x)), x)
    out = np.asarray(layer(x, training=True))
    assert set(np.unique(out)) == {0.0, 2.0}
    assert (out == out[:, :1, :1, :]).all()
    again = np.asarray(layers.SpatialDropout2D(0.5, seed=3)(x, training=True))
    np.testing.assert_array_equal(out, again)
    assert not np.asarray(layers.SpatialDropout2D(1.0)(x, training=True)).any()


def test_gaussian_layers_only_while_training():
    x = np.ones((200, 50), "float32")
    noise = layers.GaussianNoise(0.5)
    np.testing.assert_array_equal(np.asarray(noise(x)), x)
    out = np.asarray(noise(x, training=True))
    assert abs(out.std() - 0.5) < 0.02 and abs(out.mean() - 1.0) < 0.02
    dropout = layers.GaussianDropout(0.2)
    out = np.asarray(dropout(x, training=True))
    assert abs(out.std() - 0.5) < 0.02 and abs(out.mean() - 1.0) < 0.02
    np.testing.assert_array_equal(np.asarray(dropout(x, training=False)), x)
    with pytest.raises(ValueError, match="Received: stddev=-1"):
        layers.GaussianNoise(-1)


def test_activity_regularization_loss():
    layer = layers.ActivityRegularization(l1=0.1, l2=0.2)
    out = layer(np.ones((2, 3), "float32"))
    assert np.asarray(out).tolist() == [[1.0] * 3] * 2
    assert float(layer.losses[0]) == pytest.approx(0.9)


def test_group_normalization_normalizes_groups():
    x = RNG.randn(3, 5, 8).astype("float32") * 4 + 2
    out = np.asarray(layers.GroupNormalization(groups=2, epsilon=0.0)(x)).reshape(3, 5, 2, 4)
    np.testing.assert_allclose(out.mean(axis=(1, 3)), 0.0, atol=1e-5)
    np.testing.assert_allclose(out.std(axis=(1, 3)), 1.0, atol=1e-4)
    with pytest.raises(
        ValueError, match=r"Number of groups \(3\) cannot be more than the number of channels \(2\)"
    ):
        layers.GroupNormalization(groups=3)(np.zeros((1, 2), "float32"))
    with pytest.raises(
        ValueError,
        match=r"Number of groups \(3\) must be a multiple of the number of channels \(4\)",
    ):
        layers.GroupNormalization(groups=3)(np.zeros((1, 4), "float32"))


def test_unit_normalization():
    out = np.asarray(
        layers.UnitNormalization()(np.array([[3.0, 4.0], [0.0, 0.0], [1e-7, 0.0]], "float32"))
    )
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0], [1.0, 0.0]], rtol=1e-6)
    out = np.asarray(layers.UnitNormalization(axis=[1, 2])(RNG.randn(2, 3, 4).astype("float32")))
    np.testing.assert_allclose((out**2).sum(axis=(1, 2)), 1.0, rtol=1e-5)


@pytest.mark.parametrize(
    "layer",
    [
        layers.UpSampling1D(3),
        layers.UpSampling2D((2, 3), interpolation="bilinear", data_format="channels_first"),
        layers.ZeroPadding1D((1, 2)),
        layers.ZeroPadding2D(((1, 2), (3, 4))),
        layers.Cropping1D(2),
        layers.Cropping2D((1, 2), data_format="channels_first"),
        layers.SpatialDropout1D(0.2, seed=1),
        layers.SpatialDropout2D(0.3, data_format="channels_first"),
        layers.SpatialDropout3D(0.1),
        layers.GaussianNoise(0.3, seed=2),
        layers.GaussianDropout(0.4),
        layers.ActivityRegularization(l1=0.1),
        layers.GroupNormalization(groups=4, axis=1, gamma_regularizer="l2"),
        layers.UnitNormalization(axis=[1, 2]),
    ],
    ids=lambda layer: type(layer).__name__,
)
def test_config_roundtrip(layer):
    config = layer.get_config()
    assert type(layer).from_config(config).get_config() == config
