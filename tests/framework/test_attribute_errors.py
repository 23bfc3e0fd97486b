"""Missing attributes raise TF's messages, naming TF's classes (EagerTensor, ResourceVariable)."""

import pytest

import torchkeras


def _messages(tf, keras):
    found = []
    variable = tf.Variable(1.0)
    for obj in (tf.constant(1.0), variable, variable.assign(2.0), keras.Variable(1.0)):
        for name in ("reshape", "foo"):
            with pytest.raises(AttributeError) as info:
                getattr(obj, name)
            found.append(str(info.value))
    return found


HINT = (
    "\n        If you are looking for numpy-related methods, please run the following:\n"
    "        tf.experimental.numpy.experimental_enable_numpy_behavior()\n      "
)
EXPECTED = [  # real TF 2.21 / Keras 3.15
    "EagerTensor object has no attribute 'reshape'. " + HINT,
    "'tensorflow.python.framework.ops.EagerTensor' object has no attribute 'foo'",
    "'ResourceVariable' object has no attribute 'reshape'",
    "'ResourceVariable' object has no attribute 'foo'",
    "'_UnreadVariable' object has no attribute 'reshape'",
    "'_UnreadVariable' object has no attribute 'foo'",
    "'Variable' object has no attribute 'reshape'",
    "'Variable' object has no attribute 'foo'",
]


def test_attribute_errors():
    assert _messages(torchkeras, torchkeras.keras) == EXPECTED


def test_attribute_errors_match_tf():
    tf_real = pytest.importorskip("tensorflow")
    import keras

    assert _messages(tf_real, keras) == EXPECTED
