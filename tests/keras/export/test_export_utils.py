"""The input signature every export format starts from (Keras' ``get_input_signature``), the
spec conversions, and the serving module's torch-in, torch-out contract."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras.export import export_utils
from tests.keras.export import export_models


def _described(signature):
    """(shape, dtype) per leaf, nested as the signature: comparable across Keras implementations."""
    if isinstance(signature, (list, tuple)):
        return [_described(s) for s in signature]
    return (tuple(signature.shape), str(signature.dtype))


EXPECTED = {
    "mlp": [((None, 12), "float32")],
    "convnet": [((None, 12, 12, 1), "float32")],
    "lstm": [((None, 7, 3), "float32")],
    "functional": [[((None, 6), "float32"), ((None, 4), "float32")]],
    "subclassed": [((None, 5), "float32")],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_signature_of_each_model_kind(kind):
    signature = export_utils.get_input_signature(export_models.build(keras, kind))
    assert _described(signature) == EXPECTED[kind]


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_signature_matches_real_keras(kind):
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    from keras.src.export.export_utils import get_input_signature

    real = get_input_signature(export_models.build(real_keras, kind))
    ours = export_utils.get_input_signature(export_models.build(keras, kind))
    assert _described(ours) == _described(real) == EXPECTED[kind]


def test_signature_of_a_sequential_built_by_build_and_by_a_call():
    built = keras.Sequential([keras.layers.Dense(2)])
    built.build((None, 3))
    called = keras.Sequential([keras.layers.Dense(2)])
    called(np.zeros((4, 3), "float32"))
    for model in (built, called):
        assert _described(export_utils.get_input_signature(model)) == [((None, 3), "float32")]


def test_signature_is_only_for_keras_models():
    with pytest.raises(TypeError, match=r"^The model must be a `keras.Model`\. Received: model="):
        export_utils.get_input_signature(keras.layers.Dense(2))


def test_make_input_spec_accepts_keras_tf_and_torch_descriptions():
    spec = export_utils.make_input_spec(tf.TensorSpec((None, 4), tf.int32, name="ids"))
    assert (spec.shape, spec.dtype, spec.name) == ((None, 4), "int32", "ids")
    spec = export_utils.make_input_spec(tf.zeros((8, 3)))
    assert (spec.shape, spec.dtype) == ((None, 3), "float32")
    spec = export_utils.make_input_spec(torch.zeros(8, 3, dtype=torch.float64))
    assert (spec.shape, spec.dtype) == ((None, 3), "float64")
    spec = export_utils.make_input_spec(keras.Input(shape=(5,), name="x"))
    assert (spec.shape, spec.dtype, spec.name) == ((None, 5), "float32", "x")
    with pytest.raises(ValueError, match=r"^The `shape` and `dtype` must be provided\."):
        export_utils.make_input_spec(keras.InputSpec(ndim=2))
    with pytest.raises(
        TypeError,
        match=r"^Unsupported x=3 of the type \(<class 'int'>\)\. "
        r"Supported types are: `keras.InputSpec`",
    ):
        export_utils.make_input_spec(3)


def test_a_lone_spec_is_one_argument_and_names_are_unique():
    signature = export_utils.normalize_signature(tf.TensorSpec((None, 2)))
    assert _described(signature) == [((None, 2), "float32")]
    specs = [
        keras.InputSpec(shape=(1,), dtype="float32", name="x"),
        keras.InputSpec(shape=(1,), dtype="float32"),
        keras.InputSpec(shape=(1,), dtype="float32", name="x"),
    ]
    assert export_utils.input_names(specs) == ["x", "input_1", "x_2"]


def test_serving_module_takes_and_returns_torch_tensors_in_the_output_structure():
    a = keras.Input(shape=(3,), name="a")
    b = keras.Input(shape=(2,), name="b")
    model = keras.Model(
        {"a": a, "b": b}, {"sum": keras.layers.Dense(2)(a) + b, "prod": keras.layers.Dense(1)(b)}
    )
    signature = export_utils.get_input_signature(model)
    serving = export_utils.ServingModule(model, signature)
    xa, xb = torch.randn(4, 3), torch.randn(4, 2)
    out = serving(xa, xb)  # flat inputs in tf.nest order: a, b
    expected = model({"a": xa.numpy(), "b": xb.numpy()})
    assert set(out) == {"sum", "prod"} and all(type(v) is torch.Tensor for v in out.values())
    for key in out:
        np.testing.assert_allclose(out[key].numpy(), expected[key].numpy(), rtol=1e-6)
