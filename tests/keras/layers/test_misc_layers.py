"""The remaining Keras layers: 3D reshaping, AlphaDropout, RMSNormalization, SpectralNormalization,
Discretization, adaptive pooling, Wrapper, TorchModuleWrapper, the Convolution aliases and
``keras.layers.serialize`` / ``deserialize``."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras

RNG = np.random.RandomState(0)
X5 = RNG.randn(2, 4, 5, 6, 3).astype("float32")
X3 = RNG.randn(4, 6, 5).astype("float32")

CONFIG_CASES = [
    ("Cropping3D", {}),
    ("Cropping3D", {"cropping": (1, (0, 2), 1), "data_format": "channels_first"}),
    ("ZeroPadding3D", {}),
    ("ZeroPadding3D", {"padding": 2}),
    ("UpSampling3D", {"size": (1, 2, 3)}),
    ("AlphaDropout", {"rate": 0.2, "noise_shape": (None, 1, 5), "seed": 3}),
    ("RMSNormalization", {}),
    ("RMSNormalization", {"axis": [1, 2], "epsilon": 1e-3}),
    ("AdaptiveAveragePooling1D", {"output_size": 3}),
    ("AdaptiveMaxPooling2D", {"output_size": (2, 3)}),
    ("AdaptiveAveragePooling3D", {"output_size": 2, "data_format": "channels_first"}),
    ("Discretization", {"bin_boundaries": [0.0, 1.0], "output_mode": "count"}),
]


@pytest.mark.parametrize("name,kwargs", CONFIG_CASES)
def test_config_round_trip(name, kwargs):
    layer = getattr(keras.layers, name)(**kwargs)
    config = layer.get_config()
    assert type(layer).from_config(config).get_config() == config
    restored = keras.layers.deserialize(keras.layers.serialize(layer))
    assert type(restored) is type(layer)
    assert keras.layers.serialize(restored)["config"] == keras.layers.serialize(layer)["config"]


def test_defaults():
    assert keras.layers.Cropping3D().cropping == ((1, 1), (1, 1), (1, 1))
    assert keras.layers.ZeroPadding3D().padding == ((1, 1), (1, 1), (1, 1))
    assert keras.layers.UpSampling3D().size == (2, 2, 2)
    assert keras.layers.RMSNormalization().epsilon == 1e-6
    assert keras.layers.Discretization(num_bins=3).epsilon == 0.01
    assert keras.layers.SpectralNormalization(keras.layers.Dense(2)).power_iterations == 1
    assert keras.layers.AdaptiveMaxPooling1D(2).data_format == "channels_last"


# ------------------------------------------------------------------ 3D reshaping
def test_reshaping_3d_values():
    cropped = keras.layers.Cropping3D(((1, 0), (0, 2), (1, 1)))(X5).numpy()
    np.testing.assert_array_equal(cropped, X5[:, 1:, :3, 1:5])
    padded = keras.layers.ZeroPadding3D(((1, 0), (0, 2), 1), data_format="channels_first")(
        X5
    ).numpy()
    np.testing.assert_array_equal(padded, np.pad(X5, ((0, 0), (0, 0), (1, 0), (0, 2), (1, 1))))
    upsampled = keras.layers.UpSampling3D((1, 2, 3))(X5).numpy()
    np.testing.assert_array_equal(upsampled, X5.repeat(2, axis=2).repeat(3, axis=3))
    assert keras.layers.Cropping3D(1).compute_output_shape((None, 4, 5, 6, 3)) == (None, 2, 3, 4, 3)
    assert keras.layers.UpSampling3D().compute_output_shape((None, 4, None, 6, 3)) == (
        None,
        8,
        None,
        12,
        3,
    )


@pytest.mark.parametrize(
    "make,message",
    [
        (
            lambda: keras.layers.Cropping3D(-1),
            "`cropping` cannot be negative. Received: cropping=-1.",
        ),
        (
            lambda: keras.layers.Cropping3D((1, 2)),
            "`cropping` should have 3 elements. Received: (1, 2).",
        ),
        (
            lambda: keras.layers.Cropping3D((1, -2, 3)),
            "The `2nd entry of cropping` argument must be a tuple of 2 integers. "
            "Received 2nd entry of cropping=-2, including values {-2} that do "
            "not satisfy `value >= 0`",
        ),
        (
            lambda: keras.layers.ZeroPadding3D((1, 2)),
            "`padding` should have 3 elements. Received: (1, 2).",
        ),
        (
            lambda: keras.layers.Cropping2D(-1),
            "`cropping` cannot be negative. Received: cropping=-1.",
        ),
        (
            lambda: keras.layers.UpSampling3D(0),
            "The `size` argument must be a tuple of 3 integers. Received size=0, "
            "including values {0} that do not satisfy `value > 0`",
        ),
    ],
)
def test_reshaping_3d_errors(make, message):
    with pytest.raises(ValueError) as info:
        make()
    assert str(info.value) == message


def test_reshaping_3d_call_errors():
    with pytest.raises(
        ValueError, match="Values in `cropping` argument should be smaller than the corresponding"
    ):
        keras.layers.Cropping3D(2)(X5)
    with pytest.raises(ValueError, match="`padding` should be either an int, a tuple of 3 ints"):
        keras.layers.ZeroPadding3D(1.5)
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="Paddings must be non-negative: -1 -1"
    ):
        keras.layers.ZeroPadding3D(-1)(X5)


# ------------------------------------------------------------------- AlphaDropout
def test_alpha_dropout():
    layer = keras.layers.AlphaDropout(0.2, seed=1)
    assert layer(X3) is not None and np.array_equal(layer(X3).numpy(), X3)
    big = np.random.RandomState(1).randn(200, 500).astype("float32")
    y = layer(big, training=True).numpy()
    assert abs(y.mean()) < 0.02 and abs(y.std() - 1.0) < 0.02
    np.testing.assert_array_equal(
        keras.layers.AlphaDropout(0.2, seed=5)(big, training=True).numpy(),
        keras.layers.AlphaDropout(0.2, seed=5)(big, training=True).numpy(),
    )
    shared = keras.layers.AlphaDropout(0.5, noise_shape=(None, 1, 5), seed=2)(
        X3, training=True
    ).numpy()
    alpha_p = -1.6732632423543772 * 1.0507009873554805
    a = (0.5 * (1 + 0.5 * alpha_p**2)) ** -0.5
    dropped = np.isclose(shared, a * alpha_p - a * alpha_p * 0.5)
    assert dropped.any() and not dropped.all()
    assert (dropped == dropped[:, :1]).all()
    with pytest.raises(
        ValueError, match="Expected a float value between 0 and 1. Received: rate=1.5"
    ):
        keras.layers.AlphaDropout(1.5)


# --------------------------------------------------------------- RMSNormalization
def test_rms_normalization():
    layer = keras.layers.RMSNormalization()
    y = layer(X3).numpy()
    np.testing.assert_allclose(
        y, X3 / np.sqrt(np.mean(X3**2, axis=-1, keepdims=True) + 1e-6), rtol=1e-5
    )
    assert (
        layer.axis == [-1]
        and [w.name for w in layer.weights] == ["scale"]
        and tuple(layer.scale.shape) == (5,)
    )
    multi = keras.layers.RMSNormalization(axis=[2, 1])
    multi.build((None, 6, 5))
    assert multi.axis == [1, 2] and tuple(multi.scale.shape) == (6, 5)
    with pytest.raises(ValueError, match=r"Axis 3 is out of bounds for input shape \(None, 6, 5\)"):
        keras.layers.RMSNormalization(axis=3).compute_output_shape((None, 6, 5))


# ---------------------------------------------------------- SpectralNormalization
def test_spectral_normalization():
    layer = keras.layers.SpectralNormalization(keras.layers.Dense(4), power_iterations=20)
    x = RNG.randn(3, 5).astype("float32")
    layer(x)
    assert [w.name for w in layer.weights] == ["kernel", "vector_u", "bias"]
    assert [w.name for w in layer.trainable_weights] == ["kernel", "bias"]
    left, _ = np.linalg.qr(RNG.randn(5, 4))
    right, _ = np.linalg.qr(RNG.randn(4, 4))
    layer.layer.kernel.assign((left * [3.0, 1.0, 0.5, 0.2]) @ right.T)
    before = layer.layer.kernel.numpy().copy()
    np.testing.assert_array_equal(layer(x).numpy(), layer.layer(x).numpy())
    np.testing.assert_array_equal(layer.layer.kernel.numpy(), before)
    layer(x, training=True)
    np.testing.assert_allclose(np.linalg.norm(layer.layer.kernel.numpy(), 2), 1.0, rtol=1e-4)
    assert isinstance(layer, keras.layers.Wrapper)
    zero = keras.layers.SpectralNormalization(keras.layers.Dense(2, kernel_initializer="zeros"))
    zero(x, training=True)
    assert not zero.layer.kernel.numpy().any()


def test_spectral_normalization_errors_and_embeddings():
    with pytest.raises(
        ValueError,
        match=r"`power_iterations` should be greater than zero. Received: `power_iterations=0`",
    ):
        keras.layers.SpectralNormalization(keras.layers.Dense(2), power_iterations=0)
    with pytest.raises(ValueError, match="ReLU object has no attribute 'kernel' nor 'embeddings'"):
        keras.layers.SpectralNormalization(keras.layers.ReLU())(X3)
    embedded = keras.layers.SpectralNormalization(keras.layers.Embedding(10, 3))
    embedded(np.array([[1, 2]]), training=True)
    assert embedded.kernel is embedded.layer.embeddings


# ------------------------------------------------------------------ Discretization
def test_discretization_modes():
    x = np.array([[-1.5, 1.0, 3.4, 0.5], [0.0, 3.0, 1.3, 0.0]])
    layer = keras.layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0])
    y = layer(x)
    assert y.dtype == tf.int32 and y.numpy().tolist() == [[0, 2, 3, 1], [1, 3, 2, 1]]
    count = keras.layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode="count")(x)
    assert count.dtype == tf.float32 and count.numpy().tolist() == [[1, 1, 1, 1], [0, 2, 1, 1]]
    one_hot = keras.layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode="one_hot")
    assert one_hot(x[:, :1]).shape == (2, 4) and one_hot(x).shape == (2, 4, 4)
    assert one_hot.compute_output_shape((None, 1)) == (None, 4)
    multi = keras.layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode="multi_hot")
    assert multi(x[0]).numpy().tolist() == [1, 1, 1, 1] and multi(x.reshape(2, 2, 2)).shape == (
        2,
        2,
        4,
    )
    assert layer(np.array([[np.nan]])).numpy().tolist() == [[3]]


def test_discretization_adapt():
    x = np.array([[-1.5, 1.0, 3.4, 0.5], [0.0, 3.0, 1.3, 0.0]])
    layer = keras.layers.Discretization(num_bins=4, epsilon=0.01)
    layer.adapt(x)
    np.testing.assert_allclose(layer.bin_boundaries, [0.0, 0.5, 1.3], rtol=1e-6)
    assert layer(x).numpy().tolist() == [[0, 2, 3, 2], [1, 3, 3, 1]]
    restored = keras.layers.Discretization.from_config(layer.get_config())
    assert restored.bin_boundaries == layer.bin_boundaries and restored.num_bins == 4
    batched = keras.layers.Discretization(num_bins=5, epsilon=0.1)
    batched.adapt([np.arange(50.0), np.arange(50.0, 120.0)])
    assert batched.bin_boundaries == [23.0, 47.0, 71.0, 95.0]
    dataset = keras.layers.Discretization(num_bins=5, epsilon=0.1)
    dataset.adapt(tf.data.Dataset.from_tensor_slices(np.arange(120.0)).batch(60))
    assert len(dataset.bin_boundaries) == 4


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({}, "You need to set either `num_bins` or `bin_boundaries`."),
        (
            {"num_bins": -1},
            "`num_bins` must be greater than or equal to 0. Received: `num_bins=-1`",
        ),
        (
            {"num_bins": 2, "bin_boundaries": [1.0]},
            "Both `num_bins` and `bin_boundaries` should not be set. "
            "Received: `num_bins=2` and `bin_boundaries=[1.0]`",
        ),
        (
            {"bin_boundaries": [1.0], "output_mode": "x"},
            "Unknown value for `output_mode` argument of Discretization. "
            "Allowed values are: ('int', 'one_hot', 'multi_hot', 'count'). "
            "Received: output_mode=x",
        ),
    ],
)
def test_discretization_errors(kwargs, message):
    with pytest.raises(ValueError) as info:
        keras.layers.Discretization(**kwargs)
    assert str(info.value) == message


def test_discretization_use_errors():
    with pytest.raises(
        ValueError, match="Cannot adapt a Discretization layer that has been initialized with"
    ):
        keras.layers.Discretization(bin_boundaries=[1.0]).adapt(np.ones(3))
    with pytest.raises(ValueError, match=r"call `adapt\(dataset\)` before you can start using"):
        keras.layers.Discretization(num_bins=3)(np.ones((2, 2)))


# ---------------------------------------------------------------- adaptive pooling
def _adaptive_reference(x, size, reduce):
    length = x.shape[1]
    cells = [
        reduce(x[:, (i * length) // size : -((-(i + 1) * length) // size)], axis=1)
        for i in range(size)
    ]
    return np.stack(cells, axis=1)


@pytest.mark.parametrize("length,size", [(6, 3), (7, 3), (5, 4), (3, 5)])
def test_adaptive_pooling_windows(length, size):
    x = RNG.randn(2, length, 3).astype("float32")
    np.testing.assert_allclose(
        keras.layers.AdaptiveAveragePooling1D(size)(x).numpy(),
        _adaptive_reference(x, size, np.mean),
        rtol=1e-5,
    )
    np.testing.assert_array_equal(
        keras.layers.AdaptiveMaxPooling1D(size)(x).numpy(), _adaptive_reference(x, size, np.max)
    )


def test_adaptive_pooling_shapes_and_errors():
    assert keras.layers.AdaptiveMaxPooling3D(2)(X5).shape == (2, 2, 2, 2, 3)
    layer = keras.layers.AdaptiveAveragePooling2D((2, 3), data_format="channels_first")
    assert layer(X5[..., 0]).shape == (2, 4, 2, 3)
    assert layer.compute_output_shape((None, 4, 7, 7)) == (None, 4, 2, 3)
    with pytest.raises(
        ValueError,
        match=r"For 1D input, `output_size` tuple must have length 1. Received: \(1, 2\)",
    ):
        keras.layers.AdaptiveAveragePooling1D((1, 2))
    with pytest.raises(
        TypeError,
        match=r"`output_size` must be an integer or \(height, width\) tuple. "
        r"Received: 1.5 of type <class 'float'>",
    ):
        keras.layers.AdaptiveMaxPooling2D(1.5)
    with pytest.raises(
        ValueError, match="Invalid data_format: nhwc. Expected 'channels_first' or 'channels_last'."
    ):
        keras.layers.AdaptiveMaxPooling2D(2, data_format="nhwc")


# ------------------------------------------------------------------------ wrappers
def test_wrapper_base():
    with pytest.raises(
        ValueError, match="Layer 3 supplied to Wrapper isn't a supported layer type."
    ):
        keras.layers.Wrapper(3)
    wrapper = keras.layers.Wrapper(keras.layers.Dense(2))
    wrapper.build((None, 3))
    assert wrapper.layer.built and wrapper.get_config()["layer"]["class_name"] == "Dense"
    distributed = keras.layers.TimeDistributed(keras.layers.Dense(2))
    assert isinstance(distributed, keras.layers.Wrapper)
    assert not isinstance(keras.layers.Bidirectional(keras.layers.LSTM(2)), keras.layers.Wrapper)
    restored = keras.layers.TimeDistributed.from_config(distributed.get_config())
    assert restored.layer.units == 2


def test_torch_module_wrapper_trains():
    torch.manual_seed(0)
    layer = keras.layers.TorchModuleWrapper(torch.nn.Linear(5, 2))
    assert [w.name for w in layer.trainable_weights] == ["weight", "bias"]
    x = RNG.randn(4, 5).astype("float32")
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x))
    grads = tape.gradient(loss, layer.trainable_weights)
    np.testing.assert_allclose(grads[0].numpy(), np.tile(x.sum(0), (2, 1)), rtol=1e-5)
    model = keras.Sequential([keras.Input((5,)), layer])
    model.compile(optimizer="sgd", loss="mse")
    before = layer.get_weights()[0].copy()
    model.fit(x, np.ones((4, 2), "float32"), epochs=1, verbose=0)
    assert np.abs(layer.get_weights()[0] - before).max() > 0


def test_torch_module_wrapper_modes_and_config():
    layer = keras.layers.TorchModuleWrapper(torch.nn.Dropout(0.5), output_shape=(None, 3))
    layer(np.ones((2, 3), "float32"))
    assert layer.module.training
    layer(np.ones((2, 3), "float32"), training=False)
    assert not layer.module.training
    assert layer.compute_output_shape((None, 3)) == (None, 3)
    config = layer.get_config()
    with pytest.raises(
        ValueError, match="Requested the deserialization of a `torch.nn.Module` object"
    ):
        keras.layers.TorchModuleWrapper.from_config(config)
    with keras.saving.serialization_lib.SafeModeScope(False):
        restored = keras.layers.TorchModuleWrapper.from_config(config)
    assert isinstance(restored.module, torch.nn.Dropout) and restored.output_shape == (None, 3)
    with pytest.raises(
        ValueError, match="LazyModules are not supported unless they are already initialized."
    ):
        keras.layers.TorchModuleWrapper(torch.nn.LazyLinear(2))


# ------------------------------------------------------------ aliases, serialize
def test_aliases_and_serialize():
    assert keras.layers.Convolution2D is keras.layers.Conv2D
    assert keras.layers.Convolution3DTranspose is keras.layers.Conv3DTranspose
    assert keras.layers.SeparableConvolution1D is keras.layers.SeparableConv1D
    config = keras.layers.serialize(keras.layers.Dense(3, name="d"))
    assert config["module"] == "keras.layers" and config["class_name"] == "Dense"
    assert keras.layers.deserialize(config).name == "d"
    with pytest.raises(
        ValueError, match="`keras.layers.deserialize` was passed a `config` object that is not a"
    ):
        keras.layers.deserialize(keras.initializers.serialize(keras.initializers.Ones()))


def test_keras_file_round_trip(tmp_path):
    pytest.importorskip("h5py")
    model = keras.Sequential(
        [
            keras.Input((4, 5)),
            keras.layers.PReLU(alpha_initializer="random_normal"),
            keras.layers.RMSNormalization(),
            keras.layers.SpectralNormalization(keras.layers.Dense(3)),
            keras.layers.ReLU(max_value=2.0),
            keras.layers.LeakyReLU(),
            keras.layers.ELU(),
            keras.layers.Softmax(),
            keras.layers.AlphaDropout(0.1),
            keras.layers.Reshape((4, 3, 1)),
            keras.layers.AdaptiveAveragePooling2D((2, 2)),
        ]
    )
    model.layers[1].scale.assign(RNG.rand(5).astype("float32"))
    path = str(tmp_path / "model.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    x = RNG.randn(2, 4, 5).astype("float32")
    assert [type(layer).__name__ for layer in loaded.layers] == [
        type(layer).__name__ for layer in model.layers
    ]
    for a, b in zip(model.get_weights(), loaded.get_weights()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(loaded(x).numpy(), model(x).numpy(), rtol=1e-6)


def test_keras_file_with_adapted_discretization_and_torch_module(tmp_path):
    pytest.importorskip("h5py")
    discretization = keras.layers.Discretization(num_bins=3)
    discretization.adapt(np.arange(30.0))
    path = str(tmp_path / "discretization.keras")
    keras.Sequential([keras.Input((4,)), discretization]).save(path)
    assert keras.models.load_model(path).layers[0].bin_boundaries == [9.0, 19.0]
    model = keras.Sequential(
        [keras.Input((3,)), keras.layers.TorchModuleWrapper(torch.nn.Linear(3, 2))]
    )
    path = str(tmp_path / "torch_module.keras")
    model.save(path)
    with pytest.raises(
        ValueError, match="Requested the deserialization of a `torch.nn.Module` object"
    ):
        keras.models.load_model(path)
    x = RNG.randn(2, 3).astype("float32")
    np.testing.assert_allclose(
        keras.models.load_model(path, safe_mode=False)(x).numpy(), model(x).numpy(), rtol=1e-6
    )
