"""Checkpoints written by real TensorFlow 2.21 + Keras 3.15 (``fixtures/``, made by
``fixtures/make_fixtures.py``) restore in torchkeras with TF's values, and training
continues on TF's trajectory.  Runs without TensorFlow."""

import os
import shutil

import numpy as np
import pytest

pytest.importorskip("google.protobuf")
pytest.importorskip("crc32c")

import torchkeras as tf  # noqa: E402
from torchkeras import keras  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
EXPECTED = dict(np.load(os.path.join(HERE, "expected.npz")))


def _expected(name):
    prefix = name + ":"
    return {k[len(prefix) :]: v for k, v in EXPECTED.items() if k.startswith(prefix)}


@pytest.mark.parametrize("name", ["module", "keras", "loop"])
def test_reader_reads_tf_values(name):
    directory = os.path.join(HERE, name)
    expected = _expected(name)
    listed = tf.train.list_variables(directory)
    assert [k for k, _ in listed] == sorted(list(expected) + ["_CHECKPOINTABLE_OBJECT_GRAPH"])
    reader = tf.train.load_checkpoint(directory)
    shapes = reader.get_variable_to_shape_map()
    for key, value in expected.items():
        got = reader.get_tensor(key)
        dtype = reader.get_variable_to_dtype_map()[key]
        if value.dtype.kind == "S":
            assert dtype == tf.string and got.dtype == object
            got = got.astype("S")
        else:
            assert got.dtype == value.dtype and dtype.as_numpy_dtype == value.dtype.type
        np.testing.assert_array_equal(got, value)
        assert shapes[key] == list(value.shape)
    assert tf.train.load_variable(directory, "save_counter/.ATTRIBUTES/VARIABLE_VALUE") == 1


def test_module_restores():
    module = tf.Module(name="holder")
    module.w = tf.Variable(np.zeros((2, 3), "float32"))
    module.d = tf.Variable([0.0, 0.0], dtype=tf.float64)
    module.i = tf.Variable([0, 0, 0], dtype=tf.int64)
    module.flag = tf.Variable([False, False])
    module.items = [tf.Variable(0.0), {"k": tf.Variable(np.zeros(2, "int32"))}]
    ckpt = tf.train.Checkpoint(mod=module)
    status = ckpt.restore(tf.train.latest_checkpoint(os.path.join(HERE, "module")))
    status.assert_existing_objects_matched()
    with pytest.raises(AssertionError, match="Unresolved object in checkpoint"):
        status.assert_consumed()  # the string variable ``s`` has no Python object here
    exp = _expected("module")
    np.testing.assert_array_equal(module.w.numpy(), exp["mod/w/.ATTRIBUTES/VARIABLE_VALUE"])
    np.testing.assert_array_equal(module.d.numpy(), exp["mod/d/.ATTRIBUTES/VARIABLE_VALUE"])
    np.testing.assert_array_equal(module.i.numpy(), exp["mod/i/.ATTRIBUTES/VARIABLE_VALUE"])
    np.testing.assert_array_equal(module.flag.numpy(), [True, False])
    np.testing.assert_array_equal(module.items[1]["k"].numpy(), [1, 1])
    assert int(ckpt.save_counter.numpy()) == 1


def test_module_deferred_restoration():
    module = tf.Module()
    ckpt = tf.train.Checkpoint(mod=module)
    ckpt.restore(os.path.join(HERE, "module", "ckpt-1"))
    module.w = tf.Variable(np.zeros((2, 3), "float32"))  # restored on assignment, as TF
    np.testing.assert_array_equal(module.w.numpy(), np.arange(6).reshape(2, 3))


def _sequential():
    model = keras.Sequential(
        [keras.Input((2,)), keras.layers.Dense(3, activation="relu"), keras.layers.Dense(1)]
    )
    model.compile(keras.optimizers.Adam(0.05), "mse")
    return model


def test_keras_model_and_optimizer_continue_tf_trajectory():
    model = _sequential()
    status = tf.train.Checkpoint(model=model, optimizer=model.optimizer).restore(
        os.path.join(HERE, "keras", "ckpt-1")
    )
    exp = _expected("keras")
    np.testing.assert_array_equal(
        model.get_weights()[0], exp["optimizer/_trainable_variables/0/.ATTRIBUTES/VARIABLE_VALUE"]
    )
    assert int(model.optimizer.iterations.numpy()) == 4
    model.fit(EXPECTED["x"], EXPECTED["y"], epochs=1, batch_size=4, shuffle=False, verbose=0)
    status.assert_consumed()
    for i, w in enumerate(model.get_weights()):
        np.testing.assert_allclose(w, EXPECTED["keras_after/%d" % i], rtol=1e-5, atol=1e-6)


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.l1 = keras.layers.Dense(3, activation="tanh")
        self.l2 = keras.layers.Dense(1)

    def call(self, x):
        return self.l2(self.l1(x))


def test_custom_loop_continues_tf_trajectory(tmp_path):
    directory = str(tmp_path / "loop")
    shutil.copytree(os.path.join(HERE, "loop"), directory)
    net, opt, step = Net(), keras.optimizers.SGD(0.1, momentum=0.9), tf.Variable(0)
    manager = tf.train.CheckpointManager(
        tf.train.Checkpoint(step=step, optimizer=opt, net=net), directory, max_to_keep=1
    )
    assert manager.restore_or_initialize() == os.path.join(directory, "ckpt-1")
    x, y = EXPECTED["x"], EXPECTED["y"]
    for _ in range(2):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(net(x) - y))
        grads = tape.gradient(loss, net.trainable_variables)
        opt.apply_gradients(zip(grads, net.trainable_variables))
        step.assign_add(1)
    for i, w in enumerate(net.get_weights()):
        np.testing.assert_allclose(w, EXPECTED["loop_after/%d" % i], rtol=1e-5, atol=1e-6)
    assert manager.save() == os.path.join(directory, "ckpt-2")
    assert manager.checkpoints == [os.path.join(directory, "ckpt-2")]
    assert not os.path.exists(os.path.join(directory, "ckpt-1.index"))
    assert tf.train.load_variable(directory, "step/.ATTRIBUTES/VARIABLE_VALUE") == 4
