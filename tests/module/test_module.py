"""``tf.Module`` and ``tf.name_scope``: names, walk order, name scopes, the guides' code.

The differential test runs the same program on real TensorFlow when it is installed."""

import numpy as np
import pytest

import torchkeras as tk


def _program(tf):
    """A TF program exercising Module; returns what it observed."""

    class Dense(tf.Module):
        def __init__(self, in_features, out_features, name=None):
            super().__init__(name=name)
            self.w = tf.Variable(tf.ones([in_features, out_features]), name="w")
            self.b = tf.Variable(tf.zeros([out_features]), name="b")

        @tf.Module.with_name_scope
        def make(self):
            self.c = tf.Variable(1.0, name="c", trainable=False)
            return self.c

        def __call__(self, x):
            return tf.nn.relu(tf.matmul(x, self.w) + self.b)

    class Stack(tf.Module):
        def __init__(self):
            super().__init__()
            self.layers = [Dense(1, 2), {"b": (Dense(2, 1, name="last"),), "a": Dense(2, 2)}]
            self.tail = Dense(1, 1)

    out = {}
    m = Dense(2, 3, name="my_module")
    out["names"] = (m.name, m.name_scope.name, [v.name for v in m.variables], m.make().name)
    out["trainable"] = [v.name for v in m.trainable_variables]
    out["non_trainable"] = [v.name for v in m.non_trainable_variables]
    with tf.name_scope("outer") as scope:
        out["scope"] = scope
        out["outer_var"] = tf.Variable(1.0, name="v").name
        inner = tf.Module(name="inner")
        with inner.name_scope as inner_scope:
            out["inner"] = (inner_scope, tf.Variable(2.0).name)
        with tf.name_scope("outer"):
            out["nested"] = tf.Variable(1.0, name="q").name
    with tf.name_scope("abs/"):
        out["absolute"] = tf.Variable(1.0, name="z").name
    out["default_names"] = (tf.Module().name, Dense(1, 1).name, Stack().name)
    s = Stack()
    out["submodules"] = [x.name for x in s.submodules]
    out["stack_vars"] = [tuple(v.shape) for v in s.variables]
    try:
        tf.Module(name="a b")
    except ValueError as exc:
        out["bad_name"] = str(exc)
    out["call"] = m(tf.constant([[1.0, 2.0]])).numpy().tolist()
    return out


def test_module_program():
    out = _program(tk)
    assert out["names"] == ("my_module", "my_module/", ["b:0", "w:0"], "my_module/c:0")
    assert out["non_trainable"] == ["my_module/c:0"]
    assert out["inner"] == ("outer/inner/", "outer/inner/Variable:0")
    assert out["nested"] == "outer/outer/q:0"
    assert out["absolute"] == "abs/z:0"
    assert out["submodules"] == ["dense", "dense", "last", "dense"]


def test_module_program_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    assert _program(tk) == _program(tf_real)


def test_guide_training_loop_and_torch_parameters():
    class MyModel(tk.Module):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.w = tk.Variable(5.0)
            self.b = tk.Variable(0.0)

        @tk.function
        def __call__(self, x):
            return self.w * x + self.b

    model = MyModel()
    x = tk.constant(np.linspace(-2, 2, 201, dtype="float32"))
    y = x * 3.0 + 2.0
    for _ in range(200):
        with tk.GradientTape() as tape:
            loss = tk.reduce_mean(tk.square(y - model(x)))
        dw, db = tape.gradient(loss, [model.w, model.b])
        model.w.assign_sub(0.1 * dw)
        model.b.assign_sub(0.1 * db)
    assert abs(float(model.w.numpy()) - 3.0) < 1e-3
    assert abs(float(model.b.numpy()) - 2.0) < 1e-3
    import torch

    params = [v._value for v in model.trainable_variables]
    assert all(isinstance(p, torch.Tensor) for p in params) and len(params) == 2


def test_flexible_dense_checkpoint_round_trip(tmp_path):
    pytest.importorskip("google.protobuf")
    pytest.importorskip("crc32c")

    class FlexibleDense(tk.Module):
        def __init__(self, out_features, name=None):
            super().__init__(name=name)
            self.is_built = False
            self.out_features = out_features

        def __call__(self, x):
            if not self.is_built:
                self.w = tk.Variable(tk.random.normal([x.shape[-1], self.out_features]), name="w")
                self.b = tk.Variable(tk.zeros([self.out_features]), name="b")
                self.is_built = True
            return tk.nn.relu(tk.matmul(x, self.w) + self.b)

    x = tk.constant([[2.0, 2.0, 2.0]])
    model = FlexibleDense(3)
    expected = model(x).numpy()
    path = tk.train.Checkpoint(model=model).save(str(tmp_path / "c"))
    assert [k for k, _ in tk.train.list_variables(path)] == [
        "_CHECKPOINTABLE_OBJECT_GRAPH",
        "model/b/.ATTRIBUTES/VARIABLE_VALUE",
        "model/w/.ATTRIBUTES/VARIABLE_VALUE",
        "save_counter/.ATTRIBUTES/VARIABLE_VALUE",
    ]
    fresh = FlexibleDense(3)
    status = tk.train.Checkpoint(model=fresh).restore(path)
    np.testing.assert_array_equal(fresh(x).numpy(), expected)  # deferred until built
    status.assert_consumed()
