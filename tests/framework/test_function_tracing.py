"""tf.function's tracing semantics: one trace per input signature, replayed without Python;
compared with real TF (the guide "Better performance with tf.function") where installed."""

import io
import contextlib

import numpy as np
import pytest

import torchkeras as tf


def _double_log(tf_module):
    """The guide's ``double`` example: what it prints, returns and counts."""
    out = io.StringIO()

    @tf_module.function
    def double(a):
        print("Tracing with", a, file=out)
        return a + a

    values = [double(tf_module.constant(v)).numpy() for v in (1, 1.1, 2, 3)]
    count = double.experimental_get_tracing_count()
    signature = double.get_concrete_function(tf_module.constant(1)).pretty_printed_signature()
    return out.getvalue(), [float(v) for v in values], count, signature


def test_double_traces_once_per_dtype():
    text, values, count, signature = _double_log(tf)
    assert text == (
        'Tracing with Tensor("a:0", shape=(), dtype=int32)\n'
        'Tracing with Tensor("a:0", shape=(), dtype=float32)\n'
    )
    assert values == pytest.approx([2, 2.2, 4, 6]) and count == 2
    assert signature.startswith("Input Parameters:\n  a (POSITIONAL_OR_KEYWORD): TensorSpec(")


def test_double_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours, theirs = _double_log(tf), _double_log(tf_real)
    assert ours[0] == theirs[0] and ours[2] == theirs[2] and ours[3] == theirs[3]
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-6)


def _side_effects(tf_module, path):
    """Python print at trace time only; tf.print at every call; counters and retracing."""
    log = []
    stream = "file://%s" % path

    @tf_module.function
    def f(x, n):
        log.append("traced")
        tf_module.print("run", x, output_stream=stream)
        return x * n

    results = [
        f(tf_module.constant(2.0), 1),
        f(tf_module.constant(3.0), 1),
        f(tf_module.constant(3.0), 2),
    ]
    with open(path) as handle:
        printed = handle.read()
    return (
        log,
        printed,
        [float(r.numpy()) for r in results],
        f.experimental_get_tracing_count(),
    )


def test_python_side_effects_at_trace_time_only(tmp_path):
    log, printed, results, count = _side_effects(tf, tmp_path / "ours.txt")
    assert log == ["traced", "traced"] and count == 2
    assert printed == "run 2\nrun 3\nrun 3\n" and results == [2.0, 3.0, 6.0]


def test_side_effects_match_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    ours = _side_effects(tf, tmp_path / "ours.txt")
    assert ours == _side_effects(tf_real, tmp_path / "theirs.txt")


def _variable_updates(tf_module):
    v = tf_module.Variable(1.0)

    @tf_module.function
    def step(x):
        with tf_module.GradientTape() as tape:
            loss = v * x * x
        grad = tape.gradient(loss, v)
        v.assign_sub(0.1 * grad)
        return loss, v.read_value()

    results = [[float(t.numpy()) for t in step(tf_module.constant(x))] for x in (1.0, 2.0, 3.0)]
    return results, float(v.numpy()), step.experimental_get_tracing_count()


def test_tape_and_variable_updates_replay():
    results, final, count = _variable_updates(tf)
    assert count == 1
    np.testing.assert_allclose(results, [[1.0, 0.9], [3.6, 0.5], [4.5, -0.4]], rtol=1e-6)
    assert final == pytest.approx(-0.4)


def test_variable_updates_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours, theirs = _variable_updates(tf), _variable_updates(tf_real)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-6)
    assert ours[2] == theirs[2]


def _variable_creation_error(tf_module, calls):
    @tf_module.function
    def f(x):
        return tf_module.Variable(x)

    with pytest.raises(ValueError) as info:
        for x in calls:
            f(x)
    return str(info.value)


def test_variables_only_on_the_first_call():
    text = _variable_creation_error(tf, [1.0, 2.0])
    assert text.startswith("tf.function only supports singleton tf.Variables created on the first")


def test_variable_creation_error_matches_tensorflow():
    """TF raises on the first call: a first trace that created variables is traced again."""
    tf_real = pytest.importorskip("tensorflow")
    theirs = _variable_creation_error(tf_real, [1.0])  # inside TF's "in user code:" listing
    assert _variable_creation_error(tf, [1.0]) in theirs


def _second_trace_log(tf_module):
    """What a method creating its variable on the first call prints per call (TF traces the
    first call twice) and the variable's value after each call."""
    out = io.StringIO()

    class Counter(tf_module.Module):
        def __init__(self):
            self.v = None

        @tf_module.function
        def __call__(self, x):
            print("trace", file=out)
            if self.v is None:
                self.v = tf_module.Variable(0.0)
            self.v.assign_add(x)
            return self.v.read_value()

    counter = Counter()
    values = [float(counter(tf_module.constant(v))) for v in (1.0, 2.0)]
    return out.getvalue(), values, float(counter.v.numpy())


def test_a_first_trace_creating_variables_is_traced_again_without_writes():
    assert _second_trace_log(tf) == ("trace\ntrace\n", [1.0, 3.0], 3.0)
    tf_real = pytest.importorskip("tensorflow")
    assert _second_trace_log(tf) == _second_trace_log(tf_real)


def test_get_concrete_function_writes_no_variable():
    from torchkeras import keras

    optimizer = keras.optimizers.Adam(0.01)
    weights = tf.Variable([1.0, 2.0])
    optimizer.build([weights])

    @tf.function
    def step(gradient):
        optimizer.apply_gradients([(gradient, weights)])
        weights.assign_add([1.0, 1.0])
        return gradient

    step.get_concrete_function(tf.TensorSpec([2], tf.float32))
    assert int(optimizer.iterations.numpy()) == 0
    assert weights.numpy().tolist() == [1.0, 2.0]


def _module_counts(tf_module):
    class Scale(tf_module.Module):
        def __init__(self):
            self.v = None

        @tf_module.function
        def __call__(self, x):
            if self.v is None:
                self.v = tf_module.Variable(2.0)
            return self.v * x

    first, second = Scale(), Scale()
    values = [float(first(1.0)), float(first(2.0)), float(second(3.0))]
    return (
        values,
        first.__call__.experimental_get_tracing_count(),
        (second.__call__.experimental_get_tracing_count()),
    )


def test_methods_trace_per_instance_and_count_variable_creation_twice():
    assert _module_counts(tf) == ([2.0, 4.0, 6.0], 3, 2)


def test_method_counts_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    assert _module_counts(tf) == _module_counts(tf_real)


def _relaxed(tf_module):
    out = io.StringIO()

    @tf_module.function(reduce_retracing=True)
    def h(x):
        print("trace", x, file=out)
        return x * 2

    for value in ([1], [1, 2], [1, 2, 3], [[1]]):
        h(tf_module.constant(value))
    return out.getvalue().splitlines()[:3], h.experimental_get_tracing_count()


def test_reduce_retracing_generalises_shapes():
    lines, count = _relaxed(tf)
    assert count == 3
    assert lines[:2] == [
        'trace Tensor("x:0", shape=(1,), dtype=int32)',
        'trace Tensor("x:0", shape=(None,), dtype=int32)',
    ]


def test_reduce_retracing_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours, theirs = _relaxed(tf), _relaxed(tf_real)
    assert ours[1] == theirs[1] and ours[0][:2] == theirs[0][:2]


def test_variables_as_arguments_share_a_trace():
    @tf.function
    def add_one(v):
        v.assign_add(1.0)
        return v.read_value()

    a, b = tf.Variable(1.0), tf.Variable(5.0)
    assert float(add_one(a)) == 2.0 and float(add_one(b)) == 6.0 and float(add_one(a)) == 3.0
    assert add_one.experimental_get_tracing_count() == 1 and float(b.numpy()) == 6.0


def test_host_reads_fall_back_to_eager_with_one_warning():
    @tf.function
    def absolute(x):
        if x > 0:
            return x
        return -x

    with pytest.warns(RuntimeWarning, match="runs eagerly"):
        assert float(absolute(tf.constant(1.0))) == 1.0
    assert float(absolute(tf.constant(-4.0))) == 4.0
    assert float(absolute(tf.constant(3.0))) == 3.0


def test_numpy_reads_are_not_baked_in():
    @tf.function
    def scaled(x):
        return x * float(x.numpy().sum())

    with pytest.warns(RuntimeWarning, match="Tensor.numpy"):
        assert float(scaled(tf.constant(2.0))) == 4.0
    assert float(scaled(tf.constant(3.0))) == 9.0


def test_random_ops_draw_fresh_values_each_call():
    @tf.function
    def draw():
        return tf.random.uniform([4])

    first, second = draw().numpy(), draw().numpy()
    assert draw.experimental_get_tracing_count() == 1 and not np.array_equal(first, second)


def test_outer_tape_differentiates_a_replayed_call():
    w = tf.Variable(3.0)

    @tf.function
    def f(x):
        return w * x * x

    assert float(f(tf.constant(2.0))) == 12.0
    for x in (2.0, 5.0):
        with tf.GradientTape() as tape:
            y = f(tf.constant(x))
        assert float(tape.gradient(y, w)) == x * x


def test_run_functions_eagerly_runs_python_each_call():
    log = []

    @tf.function
    def f(x):
        log.append(1)
        return x + 1

    tf.config.run_functions_eagerly(True)
    try:
        f(tf.constant(1))
        f(tf.constant(1))
    finally:
        tf.config.run_functions_eagerly(False)
    assert len(log) == 2 and f.experimental_get_tracing_count() == 0


def test_concrete_function_from_spec():
    printed = io.StringIO()

    @tf.function
    def double(a):
        print("Tracing with", a, file=printed)
        return a + a

    with contextlib.redirect_stdout(io.StringIO()):
        concrete = double.get_concrete_function(tf.TensorSpec([None], tf.float32))
    assert printed.getvalue() == 'Tracing with Tensor("a:0", shape=(None,), dtype=float32)\n'
    assert concrete.pretty_printed_signature() == (
        "Input Parameters:\n"
        "  a (POSITIONAL_OR_KEYWORD): TensorSpec(shape=(None,), dtype=tf.float32, name=None)\n"
        "Output Type:\n"
        "  TensorSpec(shape=(None,), dtype=tf.float32, name=None)\n"
        "Captures:\n"
        "  None"
    )
    assert concrete.structured_input_signature == (
        (tf.TensorSpec([None], tf.float32, name="a"),),
        {},
    )
    np.testing.assert_allclose(concrete(tf.constant([1.0, 2.0])).numpy(), [2.0, 4.0])
    with pytest.raises(tf.errors.InvalidArgumentError, match="expected to be a float tensor"):
        concrete(tf.constant([1]))


def test_host_reads_of_literals_still_replay():
    """Ops that read values built from Python literals (tf.range's limit, gather's index
    check) keep the trace: those values are the same on every call."""

    @tf.function
    def f(x):
        return tf.gather(x, [0, 2]) + tf.cast(tf.range(2), tf.float32)

    first = f(tf.constant([1.0, 2.0, 3.0]))
    second = f(tf.constant([4.0, 5.0, 6.0]))
    np.testing.assert_allclose(first.numpy(), [1.0, 4.0])
    np.testing.assert_allclose(second.numpy(), [4.0, 7.0])
    assert f.experimental_get_tracing_count() == 1


def test_tf_print_runs_at_every_replay(tmp_path):
    path = tmp_path / "log.txt"
    calls = []

    @tf.function
    def f(x):
        calls.append(1)
        tf.print("x:", x, output_stream="file://%s" % path)
        return x + 1

    for value in (1, 2, 3):
        f(tf.constant(value))
    assert path.read_text() == "x: 1\nx: 2\nx: 3\n" and len(calls) == 1


def test_nested_structures_and_python_outputs():
    @tf.function
    def f(pair, scale=2):
        a, b = pair
        return {"sum": (a + b) * scale, "n": 3, "none": None}

    out = f((tf.constant(1.0), tf.constant(2.0)))
    again = f((tf.constant(5.0), tf.constant(6.0)))
    assert float(out["sum"]) == 6.0 and float(again["sum"]) == 22.0
    assert isinstance(again["n"], tf.Tensor) and int(again["n"]) == 3 and again["none"] is None
    assert f.experimental_get_tracing_count() == 1
    f([tf.constant(1.0), tf.constant(2.0)], scale=3)
    assert f.experimental_get_tracing_count() == 2


def test_nested_functions_are_inlined():
    inner_log = []

    @tf.function
    def inner(x):
        inner_log.append(1)
        return x * 2

    @tf.function
    def outer(x):
        return inner(x) + 1

    assert [float(outer(tf.constant(v))) for v in (1.0, 2.0)] == [3.0, 5.0]
    assert len(inner_log) == 1 and outer.experimental_get_tracing_count() == 1


def test_a_failed_trace_traces_again():
    fail = [True]

    @tf.function
    def f(x):
        if fail[0]:
            raise RuntimeError("boom")
        return x + 1

    with pytest.raises(RuntimeError, match="boom"):
        f(tf.constant(1))
    fail[0] = False
    assert int(f(tf.constant(1))) == 2 and f.experimental_get_tracing_count() == 1


def test_function_attributes():
    def body(x, y=1):
        return x + y

    f = tf.function(body, input_signature=[tf.TensorSpec([None], tf.int32)])
    assert f.python_function is body and f.input_signature == [tf.TensorSpec([None], tf.int32)]
    assert list(f.function_spec.signature.parameters) == ["x", "y"]
    assert f.function_spec.input_signature == (tf.TensorSpec([None], tf.int32),)
    f(tf.constant([1, 2]))
    f(tf.constant([1, 2, 3]))
    assert f.experimental_get_tracing_count() == 1
    assert "TensorSpec(shape=(None,), dtype=tf.int32, name=None)" in (
        f.pretty_printed_concrete_signatures()
    )


def test_a_method_s_function_does_not_keep_its_instance_alive():
    import gc
    import weakref

    class Model(tf.Module):
        def __init__(self):
            self.v = tf.Variable(2.0)

        @tf.function
        def __call__(self, x):
            return self.v * x

    model = Model()
    assert float(model(tf.constant(3.0))) == 6.0 and float(model(tf.constant(4.0))) == 8.0
    assert model.__call__.experimental_get_tracing_count() == 1
    ref = weakref.ref(model)
    del model
    gc.collect()
    assert ref() is None


def _concrete_texts(tf_module):
    @tf_module.function
    def double(a):
        return a + a

    concrete = double.get_concrete_function(tf_module.TensorSpec([None], tf_module.float32))

    @tf_module.function(
        input_signature=(tf_module.TensorSpec(shape=[None], dtype=tf_module.int32),)
    )
    def next_collatz(x):
        return x * 2

    errors = []
    for bad in (tf_module.constant([[1]]), tf_module.constant([1.0])):
        with pytest.raises(TypeError) as info:
            next_collatz(bad)
        errors.append(str(info.value).split(". Received args")[0])
    return (
        concrete.pretty_printed_signature(),
        next_collatz.get_concrete_function().pretty_printed_signature(),
        errors,
    )


def test_concrete_signatures_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    assert _concrete_texts(tf) == _concrete_texts(tf_real)


def test_concrete_function_graph_lists_its_ops():
    v = tf.Variable(2.0)

    @tf.function
    def f(x):
        return v * x + 1.0

    types = [op.type for op in f.get_concrete_function(tf.constant(1.0)).graph.get_operations()]
    assert types[0] == "Placeholder" and types[-1] == "Identity"
    assert "mul.Tensor" in types and "add.Tensor" in types


def test_custom_gradients_under_an_outer_tape_run_eagerly():
    @tf.custom_gradient
    def scaled_grad(x):
        def grad(dy):
            return dy * 100.0

        return x * 1.0, grad

    @tf.function
    def f(x):
        return scaled_grad(x) * 2.0

    grads = []
    with pytest.warns(RuntimeWarning, match="custom gradient"):
        for value in (1.0, 2.0):
            x = tf.constant(value)
            with tf.GradientTape() as tape:
                tape.watch(x)
                y = f(x)
            grads.append(float(tape.gradient(y, x)))
    assert grads == [200.0, 200.0]


def test_gradients_reach_variables_passed_as_arguments():
    @tf.function
    def f(v, x):
        return v * x

    for variable in (tf.Variable(2.0), tf.Variable(3.0)):
        with tf.GradientTape() as tape:
            y = f(variable, tf.constant(5.0))
        assert float(tape.gradient(y, variable)) == 5.0
    assert f.experimental_get_tracing_count() == 1


def _keras_steps(eagerly):
    from torchkeras import keras

    keras.utils.set_random_seed(3)
    model = keras.Sequential(
        [keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)]
    )
    optimizer = keras.optimizers.Adam(0.05)
    loss_fn = keras.losses.MeanSquaredError()

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        grads = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        return loss

    rng = np.random.RandomState(0)
    x = rng.rand(16, 4).astype(np.float32)
    y = x.sum(axis=1, keepdims=True)
    tf.config.run_functions_eagerly(eagerly)
    try:
        losses = [float(train_step(x, y)) for _ in range(6)]
    finally:
        tf.config.run_functions_eagerly(False)
    return losses, train_step.experimental_get_tracing_count()


def test_keras_train_step_replays_as_it_runs_eagerly():
    """Adam's bias correction depends on the step: a replay must read the live count."""
    traced, count = _keras_steps(False)
    eager, _ = _keras_steps(True)
    np.testing.assert_allclose(traced, eager, rtol=1e-5)
    assert count == 2  # the first call creates the optimizer's and model's variables
