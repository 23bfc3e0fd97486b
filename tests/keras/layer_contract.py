"""A layer's whole contract checked in one call, as Keras' ``testing.TestCase.run_layer_test``.

``run_layer_test`` checks a layer class: config and serialization round trips, building from a
shape, a symbolic call, an eager call (shape, dtype, values, losses), weight counts, masking
support and one training step through ``fit``.  The ``*_vs_keras`` tests use
``transplant``, ``assert_outputs_close`` and ``assert_same_config`` to put real Keras' weights
into torchkeras' layer and compare the two.
"""

import numpy as np

from torchkeras import keras


def flat_outputs(value):
    """A layer's output(s) as a list of NumPy arrays."""
    values = value if isinstance(value, (list, tuple)) else [value]
    return [np.asarray(v) for v in values]


def assert_outputs_close(got, expected, atol=1e-5, rtol=1e-5, check_dtype=False):
    """Both outputs (one tensor or a list/tuple) have the same count, shapes and values."""
    got, expected = flat_outputs(got), flat_outputs(expected)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g.shape == e.shape, (g.shape, e.shape)
        if check_dtype:
            assert str(g.dtype) == str(e.dtype), (g.dtype, e.dtype)
        np.testing.assert_allclose(g, e, atol=atol, rtol=rtol)


def transplant(ours, theirs, *args, rng, scale=1.0, **kwargs):
    """Builds both layers by calling them on ``args``, gives real Keras' layer random weights
    (``rng.randn * scale``) and copies them into ours; their weights' names and shapes agree."""
    theirs(*args, **kwargs)
    theirs.set_weights(
        [np.asarray(rng.randn(*w.shape) * scale, "float32") for w in theirs.get_weights()]
    )
    ours(*args, **kwargs)
    assert [(w.name, tuple(w.shape)) for w in ours.weights] == [
        (w.name, tuple(w.shape)) for w in theirs.weights
    ]
    ours.set_weights(theirs.get_weights())


def assert_same_config(ours, theirs, ignore=("name",)):
    """The two layers' ``get_config()`` agree, except for the keys in ``ignore``."""
    mine, real = ours.get_config(), theirs.get_config()
    for config in (mine, real):
        for key in ignore:
            config.pop(key, None)
    assert mine == real


def _random_inputs(input_shape, input_dtype):
    rng = np.random.RandomState(0)
    if isinstance(input_shape, list):
        return [_random_inputs(shape, input_dtype) for shape in input_shape]
    if "int" in input_dtype:
        return rng.randint(0, 4, size=input_shape).astype(input_dtype)
    return rng.randn(*input_shape).astype(input_dtype)


def _symbolic_inputs(input_shape, input_dtype):
    if isinstance(input_shape, list):
        return [_symbolic_inputs(shape, input_dtype) for shape in input_shape]
    return keras.KerasTensor(input_shape, dtype=input_dtype)


def _shape_of(data):
    if isinstance(data, list):
        return [_shape_of(item) for item in data]
    return tuple(np.shape(data))


def _assert_shape(output, expected):
    shapes = [tuple(o.shape) for o in (output if isinstance(output, (list, tuple)) else [output])]
    wanted = expected if isinstance(expected, list) else [expected]
    assert len(shapes) == len(wanted), (shapes, wanted)
    for shape, want in zip(shapes, wanted):
        assert len(shape) == len(want) and all(w is None or w == s for s, w in zip(shape, want)), (
            shapes,
            wanted,
        )


def _assert_weight_counts(layer, trainable, non_trainable):
    assert layer.built
    if trainable is not None:
        assert len(layer.trainable_weights) == trainable
    if non_trainable is not None:
        assert len(layer.non_trainable_weights) == non_trainable


def _assert_serializes(layer, custom_objects):
    config = layer.get_config()
    clone = type(layer).from_config(config)
    assert type(clone) is type(layer)
    assert clone.get_config() == config
    revived = keras.saving.deserialize_keras_object(
        keras.saving.serialize_keras_object(layer), custom_objects=custom_objects
    )
    assert type(revived) is type(layer)
    assert revived.get_config() == config


class _SumLoss(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return keras.ops.sum(y_pred)


def _train_one_step(layer, input_data, output):
    class Wrapper(keras.Model):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def call(self, x, training=False):
            return self.inner(x, training=training)

    model = Wrapper(layer)
    model.compile(optimizer="sgd", loss=_SumLoss())
    targets = (
        [np.asarray(o) for o in output] if isinstance(output, (list, tuple)) else np.asarray(output)
    )
    model.fit(
        input_data,
        targets,
        batch_size=len(np.asarray(flat_outputs(output)[0])),
        epochs=1,
        verbose=0,
    )


def run_layer_test(
    layer_cls,
    init_kwargs=None,
    input_shape=None,
    input_dtype="float32",
    input_data=None,
    call_kwargs=None,
    expected_output_shape=None,
    expected_output_dtype=None,
    expected_output=None,
    expected_num_trainable_weights=None,
    expected_num_non_trainable_weights=None,
    expected_num_losses=None,
    supports_masking=None,
    custom_objects=None,
    run_training_check=True,
    atol=1e-6,
    rtol=1e-6,
):
    """Checks ``layer_cls(**init_kwargs)``'s contract; returns the layer called eagerly.

    Give ``input_shape`` (random inputs of ``input_dtype``) or ``input_data``; a list of shapes
    (or arrays) calls the layer on a list.  Expected weight counts default to what the layer has
    after its first call, so every later build path must agree with the first."""
    if (input_shape is None) == (input_data is None):
        raise ValueError("Give exactly one of input_shape and input_data.")
    init_kwargs = init_kwargs or {}
    call_kwargs = call_kwargs or {}
    if input_data is None:
        input_data = _random_inputs(input_shape, input_dtype)
    else:
        input_shape = _shape_of(input_data)
        input_dtype = str(np.asarray(flat_outputs(input_data)[0]).dtype)

    layer = layer_cls(**init_kwargs)
    _assert_serializes(layer, custom_objects)
    if supports_masking is not None:
        assert layer.supports_masking == supports_masking

    eager = layer_cls(**init_kwargs)
    output = eager(input_data, **call_kwargs)
    if expected_num_trainable_weights is None:
        expected_num_trainable_weights = len(eager.trainable_weights)
    if expected_num_non_trainable_weights is None:
        expected_num_non_trainable_weights = len(eager.non_trainable_weights)
    _assert_weight_counts(eager, expected_num_trainable_weights, expected_num_non_trainable_weights)
    if expected_output_shape is not None:
        _assert_shape(output, expected_output_shape)
    if expected_output_dtype is not None:
        for value in flat_outputs(output):
            assert str(value.dtype) == expected_output_dtype
    if expected_output is not None:
        assert_outputs_close(output, expected_output, atol=atol, rtol=rtol)
    if expected_num_losses is not None:
        assert len(eager.losses) == expected_num_losses

    built = layer_cls(**init_kwargs)
    built.build(input_shape)
    _assert_weight_counts(built, expected_num_trainable_weights, expected_num_non_trainable_weights)

    symbolic = layer_cls(**init_kwargs)
    batchless = (
        [(None,) + tuple(s)[1:] for s in input_shape]
        if isinstance(input_shape, list)
        else (None,) + tuple(input_shape)[1:]
    )
    symbolic_output = symbolic(_symbolic_inputs(batchless, input_dtype), **call_kwargs)
    _assert_weight_counts(
        symbolic, expected_num_trainable_weights, expected_num_non_trainable_weights
    )
    if expected_output_shape is not None:
        wanted = (
            [(None,) + tuple(s)[1:] for s in expected_output_shape]
            if isinstance(expected_output_shape, list)
            else (None,) + tuple(expected_output_shape)[1:]
        )
        _assert_shape(symbolic_output, wanted)
    else:
        _assert_shape(
            symbolic_output,
            [(None,) + tuple(o.shape)[1:] for o in flat_outputs(output)]
            if isinstance(output, (list, tuple))
            else (None,) + tuple(output.shape)[1:],
        )

    if run_training_check and expected_num_trainable_weights and not isinstance(input_data, list):
        _train_one_step(layer_cls(**init_kwargs), input_data, output)
    return eager
