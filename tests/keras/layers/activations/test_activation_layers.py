"""ReLU, LeakyReLU, PReLU, ELU and Softmax: defaults, configs, formulas and argument errors."""

import warnings

import numpy as np
import pytest

from torchkeras import keras

X = np.array([[-3.0, -1.0, 0.0, 0.5, 1.0], [1.5, 2.0, 5.0, 7.0, 10.0]], dtype="float32")
LAYERS = [
    ("ReLU", {}),
    ("ReLU", {"max_value": 4.0, "negative_slope": 0.1, "threshold": 1.5}),
    ("LeakyReLU", {}),
    ("LeakyReLU", {"negative_slope": 0.5}),
    ("PReLU", {}),
    ("PReLU", {"shared_axes": [1], "alpha_initializer": "ones"}),
    ("ELU", {}),
    ("ELU", {"alpha": 0.5}),
    ("Softmax", {}),
    ("Softmax", {"axis": [0, 1]}),
]


def test_defaults():
    assert keras.layers.ReLU().get_config()["max_value"] is None
    assert keras.layers.ReLU().negative_slope == 0.0 and keras.layers.ReLU().threshold == 0.0
    assert keras.layers.LeakyReLU().negative_slope == 0.3
    assert keras.layers.ELU().alpha == 1.0
    assert keras.layers.Softmax().axis == -1
    prelu = keras.layers.PReLU()
    assert (
        prelu.get_config()["alpha_initializer"]["class_name"] == "Zeros"
        and prelu.shared_axes is None
    )
    assert all(
        getattr(keras.layers, name)().supports_masking
        for name in ("ReLU", "LeakyReLU", "ELU", "Softmax")
    )


@pytest.mark.parametrize("name,kwargs", LAYERS)
def test_config_round_trip(name, kwargs):
    layer = getattr(keras.layers, name)(**kwargs)
    config = layer.get_config()
    clone = type(layer).from_config(config)
    assert clone.get_config() == config
    np.testing.assert_allclose(clone(X).numpy(), layer(X).numpy(), rtol=1e-6)


def test_elu_config_order_matches_keras():
    assert list(keras.layers.ELU(alpha=0.5).get_config()) == ["name", "alpha", "trainable", "dtype"]


def test_relu_formula():
    layer = keras.layers.ReLU(max_value=4.0, negative_slope=0.1, threshold=1.5)
    expected = np.where(X > 1.5, np.minimum(X, 4.0), 0.0) - 0.1 * np.maximum(1.5 - X, 0.0)
    np.testing.assert_allclose(layer(X).numpy(), expected, rtol=1e-6)
    assert keras.layers.ReLU(threshold=1.0)(np.array([1.0], "float32")).numpy()[0] == 0.0
    assert keras.layers.ReLU()(np.array([1, -2])).dtype.name == "int64"


def test_leaky_relu_alpha_is_deprecated():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layer = keras.layers.LeakyReLU(alpha=0.2)
    assert layer.negative_slope == 0.2
    assert [str(w.message) for w in caught] == [
        "Argument `alpha` is deprecated. Use `negative_slope` instead."
    ]


@pytest.mark.parametrize(
    "kwargs,message",
    [
        (
            {"max_value": -1.0},
            "max_value of a ReLU layer cannot be a negative value. Received: max_value=-1.0",
        ),
        (
            {"negative_slope": -0.5},
            "negative_slope of a ReLU layer cannot be None or a negative value. "
            "Received: negative_slope=-0.5",
        ),
        (
            {"threshold": None},
            "threshold of a ReLU layer cannot be None or a negative value. Received: "
            "threshold=None",
        ),
    ],
)
def test_relu_errors(kwargs, message):
    with pytest.raises(ValueError) as info:
        keras.layers.ReLU(**kwargs)
    assert str(info.value) == message


def test_leaky_relu_error():
    with pytest.raises(
        ValueError,
        match="The negative_slope value of a Leaky ReLU layer cannot be None or negative",
    ):
        keras.layers.LeakyReLU(negative_slope=-1)


def test_prelu_weight_shapes_and_input_spec():
    layer = keras.layers.PReLU(shared_axes=[1, 2])
    layer.build((None, 3, 4, 5))
    assert [w.name for w in layer.weights] == ["alpha"] and tuple(layer.alpha.shape) == (1, 1, 5)
    assert layer.input_spec.axes == {3: 5}
    single = keras.layers.PReLU(shared_axes=2)
    single.build((None, 3, 4))
    assert single.shared_axes == [2] and tuple(single.alpha.shape) == (3, 1)


def test_prelu_is_trained_by_fit():
    model = keras.Sequential([keras.Input((5,)), keras.layers.PReLU(), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(X, np.ones((2, 1), "float32"), epochs=2, verbose=0)
    assert np.abs(model.layers[0].get_weights()[0]).sum() > 0


def test_softmax_mask():
    mask = np.array([[1, 0, 1, 1, 1], [0, 0, 0, 0, 0]])
    y = keras.layers.Softmax()(X, mask=mask).numpy()
    np.testing.assert_allclose(y[1], 0.0)
    assert y[0, 1] == 0.0
    np.testing.assert_allclose(y[0].sum(), 1.0, rtol=1e-6)
    with pytest.raises(
        ValueError, match="Each mask dimension must be 1 or match the corresponding input dimension"
    ):
        keras.layers.Softmax()(X, mask=np.ones((2, 2)))
    with pytest.raises(ValueError, match="must not have more dimensions"):
        keras.layers.Softmax()(X, mask=np.ones((1, 2, 5)))
