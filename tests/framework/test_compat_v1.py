"""``tf.compat.v1``: TF1 switches accepted or refused clearly, and ``logging``."""

import logging

import pytest

import torchkeras as tf


def test_eager_switches():
    assert tf.compat.v1.enable_eager_execution() is None
    assert tf.compat.v1.enable_v2_behavior() is None
    for fn in (tf.compat.v1.disable_eager_execution, tf.compat.v1.disable_v2_behavior):
        with pytest.raises(RuntimeError, match="torchkeras"):
            fn()
    with pytest.raises(NotImplementedError, match="torchkeras"):
        tf.compat.v1.Session()
    with pytest.raises(NotImplementedError, match="torchkeras"):
        tf.compat.v1.placeholder(tf.float32, [None, 3])


def test_logging_levels_and_verbosity(caplog):
    v1 = tf.compat.v1.logging
    assert (v1.DEBUG, v1.INFO, v1.WARN, v1.ERROR, v1.FATAL) == (10, 20, 30, 40, 50)
    logger = tf.get_logger()
    before = logger.level
    try:
        v1.set_verbosity(v1.INFO)
        assert v1.get_verbosity() == logging.INFO
        with caplog.at_level(logging.INFO, logger=logger.name):
            v1.info("hello %s", 1)
            v1.warning("careful")
        assert [r.getMessage() for r in caplog.records] == ["hello 1", "careful"]
        v1.set_verbosity(v1.ERROR)
        assert v1.get_verbosity() == logging.ERROR
    finally:
        logger.setLevel(before)


def test_levels_match_tf():
    tf_real = pytest.importorskip("tensorflow")
    for name in ("DEBUG", "INFO", "WARN", "ERROR", "FATAL"):
        assert getattr(tf.compat.v1.logging, name) == getattr(tf_real.compat.v1.logging, name)
