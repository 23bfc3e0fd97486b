"""``add_dispatch_support``: TF's canonicalizer texts for calls that do not bind."""

import inspect

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework.dispatch_support import add_dispatch_support

# (call, TF's TypeError text); the same calls are made on real TF below.
CALLS = [
    ("tf.nn.conv2d(None)", "Missing required positional argument"),
    ("tf.nn.conv2d(filters=1)", "Missing required positional argument"),
    (
        "tf.nn.conv2d(1, 2, 3, 4, 5, 6, 7, 8, 9)",
        "Too many arguments were given. Expected 7 but got 9.",
    ),
    ("tf.nn.conv2d(1, 2, 3, 4, 5, 6, 7, 8, 9, foo=1)", "Too many arguments were given."),
    ("tf.nn.conv2d(foo=1)", "Got an unexpected keyword argument 'foo'"),
    ("tf.nn.conv2d(1, input=1, foo=2)", "Got multiple values for argument 'input'"),
    ("tf.nn.conv2d(1, foo=2, input=1)", "Got an unexpected keyword argument 'foo'"),
    ("tf.nn.avg_pool(np.zeros((0, 3), np.float32))", "Missing required positional argument"),
    ("tf.nn.sigmoid_cross_entropy_with_logits(foo=1)", "Got an unexpected keyword argument 'foo'"),
    ("tf.image.ssim_multiscale('x')", "Missing required positional argument"),
    ("tf.image.non_max_suppression_overlaps(None)", "Missing required positional argument"),
    # Ops TF generates from op definitions keep Python's texts.
    ("tf.nn.relu(1, 2, 3)", "relu() takes from 1 to 2 positional arguments but 3 were given"),
    ("tf.image.is_jpeg(bogus=1)", "is_jpeg() got an unexpected keyword argument 'bogus'"),
]


def _type_error(module, call):
    with pytest.raises(TypeError) as info:
        eval(call, {"tf": module, "np": np})  # noqa: S307 - this file's own calls
    return str(info.value)


@pytest.mark.parametrize("call,text", CALLS)
def test_binding_errors_are_tfs(call, text):
    assert _type_error(tf, call).startswith(text)


@pytest.mark.parametrize("call,text", CALLS)
def test_binding_errors_match_real_tf(call, text):
    tf_real = pytest.importorskip("tensorflow")
    assert _type_error(tf_real, call) == _type_error(tf, call)


def test_wrapper_keeps_name_signature_and_inner_type_errors():
    def op(x, y, name=None):
        """Doc."""
        raise TypeError("inner problem")

    wrapped = add_dispatch_support(op)
    assert wrapped.__name__ == "op" and wrapped.__doc__ == "Doc."
    assert list(inspect.signature(wrapped).parameters) == ["x", "y", "name"]
    with pytest.raises(TypeError, match="^inner problem$"):
        wrapped(1, 2)
    with pytest.raises(TypeError, match="^Missing required positional argument$") as info:
        wrapped(1)
    assert info.value.__context__ is None


def test_variadic_parameters_bind_as_python():
    wrapped = add_dispatch_support(lambda x, *args, **kwargs: (x, args, kwargs))
    assert wrapped(1, 2, 3, k=4) == (1, (2, 3), {"k": 4})
    with pytest.raises(TypeError, match="^Missing required positional argument$"):
        wrapped(k=4)
