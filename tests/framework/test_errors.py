import pickle

import pytest

import torchkeras as tf


def test_error_classes_follow_tf():
    error = tf.errors.InvalidArgumentError(None, None, "bad thing")
    assert isinstance(error, tf.errors.OpError) and isinstance(error, Exception)
    assert str(error) == "bad thing" and error.message == "bad thing"
    assert error.op is None and error.node_def is None
    assert tf.errors.ResourceExhaustedError.error_code == 8
    restored = pickle.loads(pickle.dumps(error))
    assert type(restored) is tf.errors.InvalidArgumentError and str(restored) == "bad thing"


@pytest.mark.parametrize(
    "name",
    [
        "CancelledError",
        "UnknownError",
        "InvalidArgumentError",
        "NotFoundError",
        "ResourceExhaustedError",
        "FailedPreconditionError",
        "OutOfRangeError",
        "UnimplementedError",
        "InternalError",
    ],
)
def test_every_class_exists(name):
    assert issubclass(getattr(tf.errors, name), tf.errors.OpError)
