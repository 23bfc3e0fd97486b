"""TF's dispatcher's binding errors for the ``tf.*`` functions TF decorates with dispatch."""

import inspect

import pytest

import torchkeras
import torchkeras as tf
from torchkeras._dispatch_args import binding_as_tf

TOO_MANY = "Too many arguments were given. Expected 3 but got 4."
CALLS = [
    (lambda tf: tf.math.add(1.0), "Missing required positional argument"),
    (lambda tf: tf.math.add(y=1.0), "Missing required positional argument"),
    (lambda tf: tf.clip_by_norm([1.0]), "Missing required positional argument"),
    (lambda tf: tf.math.reduce_sum(), "Missing required positional argument"),
    (lambda tf: tf.math.add(1, 2, 3, 4), TOO_MANY),
    (lambda tf: tf.math.add(1, 2, 3, 4, z=1), TOO_MANY),
    (lambda tf: tf.math.add(1, z=2, x=1), "Got an unexpected keyword argument 'z'"),
    (lambda tf: tf.math.add(1, x=1, z=2), "Got multiple values for argument 'x'"),
]


@pytest.mark.parametrize("index", range(len(CALLS)))
def test_binding_errors_are_tfs(index):
    call, message = CALLS[index]
    with pytest.raises(TypeError) as info:
        call(torchkeras)
    assert str(info.value) == message


@pytest.mark.parametrize("index", range(len(CALLS)))
def test_binding_errors_match_tensorflow(index):
    tf_real = pytest.importorskip("tensorflow")
    call, message = CALLS[index]
    with pytest.raises(TypeError) as info:
        call(tf_real)
    assert str(info.value) == message


def test_python_names_and_binding_elsewhere():
    # Functions TF does not dispatch keep Python's message, with TF's Python name.
    with pytest.raises(TypeError, match=r"^fftnd\(\) missing 2 required positional arguments"):
        tf.fftnd([1.0])
    assert inspect.signature(tf.math.add) == inspect.signature(tf.math.add.__wrapped__)
    assert tf.math.add is tf.add
    assert tf.math.add(1, 2).numpy() == 3


def test_errors_from_the_body_pass_through():
    def op(x, y):
        raise TypeError("from the body")

    wrapped = binding_as_tf(op)
    assert binding_as_tf(op) is wrapped and binding_as_tf(wrapped) is wrapped
    with pytest.raises(TypeError, match="^from the body$"):
        wrapped(1, 2)
    with pytest.raises(TypeError, match="^Missing required positional argument$"):
        wrapped(1)
