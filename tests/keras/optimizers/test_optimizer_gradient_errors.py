"""What ``apply_gradients`` does with gradients TF refuses, and with a variable given twice:
each optimizer's own "Incompatible shapes" error (the first op of its update step that meets
the gradient), the weight decay Keras applies before that failure, and one update per
``(gradient, variable)`` pair with shared slots.  Values are real TF 2.21 / Keras 3.15's."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

SHAPE_ERRORS = {
    "Adadelta": "Incompatible shapes: [2] vs. [3] [Op:AddV2] name: ",
    "Adam": "Incompatible shapes: [3] vs. [2] [Op:Sub]",
    "AdamW": "Incompatible shapes: [3] vs. [2] [Op:Sub]",
    "Adamax": "Incompatible shapes: [3] vs. [2] [Op:Sub]",
    "Lion": "Incompatible shapes: [2] vs. [3] [Op:AddV2] name: ",
    "Nadam": "Incompatible shapes: [3] vs. [2] [Op:Sub]",
    "RMSprop": "Incompatible shapes: [2] vs. [3] [Op:AddV2] name: ",
    "SGD": "Cannot update variable with shape [2] using a Tensor with shape [3], shapes must be "
    "equal. [Op:AssignSubVariableOp] name: ",
    "Adagrad": "Cannot update variable with shape [2] using a Tensor with shape [3], shapes must "
    "be equal. [Op:AssignAddVariableOp] name: ",
}


@pytest.mark.parametrize("name", sorted(SHAPE_ERRORS))
def test_wrong_gradient_shape_gets_the_update_steps_error_and_changes_nothing(name):
    v = tf.Variable([1.0, 2.0])
    opt = getattr(keras.optimizers, name)(0.1)
    with pytest.raises(tf.errors.InvalidArgumentError) as raised:
        opt.apply_gradients([(tf.ones([3]), v)])
    assert str(raised.value).split("}} ")[-1] == SHAPE_ERRORS[name]
    decayed = [0.9996, 1.9992] if name == "AdamW" else [1.0, 2.0]  # AdamW's default decay
    np.testing.assert_allclose(v.numpy(), decayed, rtol=1e-6)
    assert int(opt.iterations.numpy()) == 0


@pytest.mark.parametrize("gradient", ["tf.ones([3])", "tf.constant(['a', 'b'])"])
def test_weight_decay_is_applied_before_the_failing_update(gradient):
    v = tf.Variable([1.0, 2.0])
    opt = keras.optimizers.SGD(0.1, weight_decay=0.5)
    with pytest.raises((tf.errors.InvalidArgumentError, tf.errors.UnimplementedError)):
        opt.apply_gradients([(eval(gradient), v)])  # noqa: S307 - the test's own expressions
    np.testing.assert_allclose(v.numpy(), [0.95, 1.9], rtol=1e-6)


DUPLICATE_UPDATES = {
    "Adam": ([0.6491324, 1.6491324], [2.9255874]),
    "RMSprop": ([0.26226208, 1.262262], [2.6837723]),
    "Adagrad": ([0.778851, 1.778851], [2.9046538]),
    "Nadam": ([0.7476291, 1.7476292], [2.897833]),
    "SGD": ([0.6999999, 1.6999999], [2.9]),
}


@pytest.mark.parametrize("name", sorted(DUPLICATE_UPDATES))
def test_a_variable_given_twice_is_updated_twice_with_shared_slots(name):
    v, w = tf.Variable([1.0, 2.0]), tf.Variable([3.0])
    opt = getattr(keras.optimizers, name)(0.1)
    opt.build([v, w])
    opt.apply_gradients([(tf.ones([2]), v), (tf.ones([2]), v)])
    opt.apply_gradients([(tf.ones([2]), v), (tf.ones([1]), w)])
    expected_v, expected_w = DUPLICATE_UPDATES[name]
    np.testing.assert_allclose(v.numpy(), expected_v, rtol=1e-5)
    np.testing.assert_allclose(w.numpy(), expected_w, rtol=1e-5)
    assert int(opt.iterations.numpy()) == 2


def test_lion_keeps_a_nan_gradient_nan():
    v = tf.Variable([1.0, 2.0])
    keras.optimizers.Lion(0.1).apply_gradients([(tf.constant([np.nan, 1.0]), v)])
    assert np.isnan(v.numpy()[0]) and np.isclose(v.numpy()[1], 1.9)


def test_same_as_keras():
    real_tf = pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    for name in SHAPE_ERRORS:
        outcomes = []
        for tf_module, keras_module in ((tf, keras), (real_tf, real_keras)):
            v = tf_module.Variable([1.0, 2.0])
            try:
                getattr(keras_module.optimizers, name)(0.1).apply_gradients(
                    [(tf_module.ones([3]), v)]
                )
            except Exception as error:  # noqa: BLE001 - the outcome compared is the error
                outcomes.append((type(error).__name__, str(error).split("}} ")[-1]))
            outcomes.append(v.numpy().tolist())
        assert outcomes[:2] == outcomes[2:], name


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Adam", [0.7656183, 1.7656183]),
        ("AdamW", [0.7648184, 1.7640185]),
        ("Nadam", [0.8145552, 1.8145552]),
        ("RMSprop", [0.4543567, 1.4543567]),
    ],
)
def test_first_apply_with_a_variable_twice_uses_its_last_slots_once_per_pair(name, expected):
    v = tf.Variable([1.0, 2.0])
    opt = getattr(keras.optimizers, name)(0.1)
    opt.apply_gradients([(tf.ones([2]), v), (tf.ones([2]), v)])
    np.testing.assert_allclose(v.numpy(), expected, rtol=1e-5)
    assert int(opt.iterations.numpy()) == 1
