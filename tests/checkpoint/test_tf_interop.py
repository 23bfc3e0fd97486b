"""Checkpoints both ways between real TensorFlow 2.21 (+ Keras 3) and torchkeras.

Each test writes with one library and restores with the other in the same process;
skipped without TensorFlow."""

import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
import keras as keras_real  # noqa: E402

import torchkeras as tk  # noqa: E402
from torchkeras import keras as tkk  # noqa: E402


def _module(lib):
    class Net(lib.Module):
        def __init__(self):
            super().__init__(name="net")
            self.w = lib.Variable(np.arange(6, dtype="float32").reshape(2, 3), name="w")
            self.b = lib.Variable([0.5, -0.5, 2.0], name="b")
            self.sub = lib.Module()
            self.sub.c = lib.Variable(3, name="c")
            self.items = [lib.Variable(1.0), {"k": lib.Variable(np.ones(2))}]

    return Net()


def _zero(module):
    for v in module.variables:
        v.assign(np.zeros(v.shape.as_list(), v.dtype.as_numpy_dtype))


@pytest.mark.parametrize("writer", ["tf", "tk"])
def test_module_round_trip(tmp_path, writer):
    libs = {"tf": tf_real, "tk": tk}
    reader = "tk" if writer == "tf" else "tf"
    source = _module(libs[writer])
    source.w.assign_add(np.ones((2, 3), "float32"))
    path = libs[writer].train.Checkpoint(model=source).save(str(tmp_path / "ckpt"))
    target = _module(libs[reader])
    _zero(target)
    status = libs[reader].train.Checkpoint(model=target).restore(path)
    status.assert_consumed()
    for a, b in zip(source.variables, target.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
        assert a.dtype.name == b.dtype.name
    assert tk.train.list_variables(str(tmp_path)) == tf_real.train.list_variables(str(tmp_path))
    assert tk.train.latest_checkpoint(str(tmp_path)) == tf_real.train.latest_checkpoint(
        str(tmp_path)
    )


def _data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(16, 3)).astype("float32")
    return x, (x @ np.array([[1.0], [-2.0], [0.5]], "float32") + 0.3)


def _sequential(keras):
    model = keras.Sequential(
        [keras.Input((3,)), keras.layers.Dense(4, activation="relu"), keras.layers.Dense(1)]
    )
    model.compile(keras.optimizers.Adam(0.01), "mse")
    return model


def _weights(model):
    return [np.asarray(w) for w in model.get_weights()]


def _opt_values(opt):
    return [np.asarray(v.numpy()) for v in opt.variables]


def test_keras_model_and_optimizer_from_tf_continue_training(tmp_path):
    x, y = _data()
    keras_real.utils.set_random_seed(1)
    ref = _sequential(keras_real)
    ref.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    path = tf_real.train.Checkpoint(model=ref, optimizer=ref.optimizer).save(str(tmp_path / "c"))

    mine = _sequential(tkk)
    status = tk.train.Checkpoint(model=mine, optimizer=mine.optimizer).restore(path)
    for a, b in zip(_weights(ref), _weights(mine)):
        np.testing.assert_array_equal(a, b)
    ref.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    mine.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)  # slots restored on build
    status.assert_existing_objects_matched()
    for a, b in zip(_opt_values(ref.optimizer), _opt_values(mine.optimizer)):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)
    for a, b in zip(_weights(ref), _weights(mine)):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)


def test_keras_model_and_optimizer_to_tf(tmp_path):
    x, y = _data()
    mine = _sequential(tkk)
    mine.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    path = tk.train.Checkpoint(model=mine, optimizer=mine.optimizer).save(str(tmp_path / "c"))
    ref = _sequential(keras_real)
    ref.optimizer.build(ref.trainable_variables)
    tf_real.train.Checkpoint(model=ref, optimizer=ref.optimizer).restore(path).assert_consumed()
    for a, b in zip(_weights(ref), _weights(mine)):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(_opt_values(ref.optimizer), _opt_values(mine.optimizer)):
        np.testing.assert_array_equal(a, b)
    assert tk.train.list_variables(path) == tf_real.train.list_variables(path)


def _net(keras):
    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.l1 = keras.layers.Dense(5, activation="tanh")
            self.l2 = keras.layers.Dense(1)

        def call(self, x):
            return self.l2(self.l1(x))

    return Net()


def _steps(lib, net, opt, step, x, y, n):
    for _ in range(n):
        with lib.GradientTape() as tape:
            loss = lib.reduce_mean(lib.square(net(x) - y))
        grads = tape.gradient(loss, net.trainable_variables)
        opt.apply_gradients(zip(grads, net.trainable_variables))
        step.assign_add(1)


def test_custom_loop_from_tf_continues_same_trajectory(tmp_path):
    x, y = _data()
    keras_real.utils.set_random_seed(2)
    net, opt, step = (
        _net(keras_real),
        keras_real.optimizers.SGD(0.05, momentum=0.9),
        tf_real.Variable(0),
    )
    _steps(tf_real, net, opt, step, x, y, 3)
    manager = tf_real.train.CheckpointManager(
        tf_real.train.Checkpoint(step=step, optimizer=opt, net=net), str(tmp_path), 2
    )
    manager.save()

    mine_net, mine_opt, mine_step = (
        _net(tkk),
        tkk.optimizers.SGD(0.05, momentum=0.9),
        tk.Variable(0),
    )
    ckpt = tk.train.Checkpoint(step=mine_step, optimizer=mine_opt, net=mine_net)
    mine_manager = tk.train.CheckpointManager(ckpt, str(tmp_path), 2)
    assert mine_manager.restore_or_initialize() == manager.latest_checkpoint
    assert int(mine_step.numpy()) == 3
    _steps(tk, mine_net, mine_opt, mine_step, x, y, 3)  # builds net and optimizer: deferred
    _steps(tf_real, net, opt, step, x, y, 3)
    for a, b in zip(net.get_weights(), mine_net.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    assert int(mine_opt.iterations.numpy()) == int(opt.iterations.numpy()) == 6


def _mixed(lib, keras):
    class Holder(lib.Module):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(2)
            self.dense.build((None, 3))
            self.scale = lib.Variable(2.0)

    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.inner = Holder()
            self.out = keras.layers.Dense(1)

        def call(self, x):
            return self.out(self.inner.dense(x) * self.inner.scale)

    net = Net()
    net(np.ones((1, 3), "float32"))
    return net


def test_modules_and_keras_models_nested_both_ways(tmp_path):
    ref, mine = _mixed(tf_real, keras_real), _mixed(tk, tkk)
    # as in TF 2.21 + Keras 3: Keras layers are not tf.Modules, a Keras model does not list
    # a tf.Module's variables, but checkpoints hold both
    assert len(ref.inner.variables) == len(mine.inner.variables) == 1
    assert len(ref.variables) == len(mine.variables) == 2
    tf_path = tf_real.train.Checkpoint(net=ref).save(str(tmp_path / "tf"))
    tk_path = tk.train.Checkpoint(net=mine).save(str(tmp_path / "tk"))
    assert tk.train.list_variables(tk_path) == tf_real.train.list_variables(tf_path)
    tk.train.Checkpoint(net=mine).read(tf_path).assert_existing_objects_matched()
    for a, b in zip(ref.get_weights(), mine.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert float(mine.inner.scale.numpy()) == 2.0
