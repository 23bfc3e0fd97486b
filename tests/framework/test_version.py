"""``tf.version``: TF 2.21.0's values."""

import pytest

import torchkeras as tf

_NAMES = (
    "VERSION",
    "GIT_VERSION",
    "COMPILER_VERSION",
    "GRAPH_DEF_VERSION",
    "GRAPH_DEF_VERSION_MIN_CONSUMER",
    "GRAPH_DEF_VERSION_MIN_PRODUCER",
)


def test_pinned_values():
    assert tf.version.VERSION == tf.__version__ == "2.21.0"
    assert tf.version.GRAPH_DEF_VERSION == 2474
    assert tf.version.GIT_VERSION.startswith("v2.21.0")
    assert sorted(tf.version.__all__) == sorted(_NAMES)


def test_values_are_tfs():
    tf_real = pytest.importorskip("tensorflow")
    for name in _NAMES:
        assert getattr(tf.version, name) == getattr(tf_real.version, name), name
