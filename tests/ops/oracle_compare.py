"""Runs one expression on real TensorFlow and on torchkeras and compares what each gives.

Results compare by structure, dtype, shape and value (NaN equal to NaN);
exceptions by class name and exact message, except the trailing ``name: ...``
(graph naming inside TF's composite ops, not behaviour).  Both sides run on
the CPU, so kernel and device names in the texts compare too.
"""

import re

import numpy as np

_OP_TAIL = re.compile(r" \[Op:(\w+)\]( name:.*)?$")


def implementations():
    """The ``tf`` modules a test runs on: torchkeras, and real TensorFlow when installed."""
    import torchkeras

    try:
        import tensorflow
    except ImportError:
        return [torchkeras]
    return [torchkeras, tensorflow]


def run(module, expression, env=None):
    """``("ok", value)`` or ``("error", exception)`` for ``expression`` with ``tf`` bound to
    ``module``."""
    scope = {"tf": module, "np": np}
    scope.update(env or {})
    try:
        return "ok", eval(expression, scope)  # noqa: S307 - test expressions written in this repo
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return "error", error


def call(module, fn):
    """``("ok", value)`` or ``("error", exception)`` for ``fn(module)``."""
    try:
        return "ok", fn(module)
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return "error", error


def normalise_message(text):
    """TF's error text with a canonical ``[Op:...]`` tail (the ``name:`` part dropped)."""
    text = str(text)
    return _OP_TAIL.sub(r" [Op:\1]", text.strip())


def _host(tensor):
    """A NumPy copy of a tensor; bfloat16 as float64 (TF's bfloat16 scalars refuse
    ``np.asarray``)."""
    value = tensor.numpy()
    return (
        np.asarray(value, dtype=np.float64)
        if tensor.dtype.name == "bfloat16"
        else np.asarray(value)
    )


def _leaves(value):
    if isinstance(value, (tuple, list)):
        out = []
        for item in value:
            out.extend(_leaves(item))
        return out
    return [value]


def assert_same(expression, tf_outcome, tk_outcome, rtol=1e-5, atol=1e-6, check_message=True):
    """Asserts that torchkeras' outcome of ``expression`` matches TensorFlow's."""
    tf_kind, tf_value = tf_outcome
    tk_kind, tk_value = tk_outcome
    if tf_kind == "error" or tk_kind == "error":
        assert tf_kind == tk_kind, "%s: TF %s %r, torchkeras %s %r" % (
            expression,
            tf_kind,
            tf_value,
            tk_kind,
            tk_value,
        )
        assert type(tf_value).__name__ == type(tk_value).__name__, (
            "%s: TF raised %s(%s), torchkeras %s(%s)"
            % (expression, type(tf_value).__name__, tf_value, type(tk_value).__name__, tk_value)
        )
        if check_message:
            assert normalise_message(tk_value) == normalise_message(tf_value), (
                "%s:\nTF:  %s\nours: %s"
                % (expression, normalise_message(tf_value), normalise_message(tk_value))
            )
        return
    tf_leaves, tk_leaves = _leaves(tf_value), _leaves(tk_value)
    assert len(tf_leaves) == len(tk_leaves), "%s: %r vs %r" % (expression, tf_value, tk_value)
    assert type(tf_value).__name__ == type(tk_value).__name__ or not isinstance(tf_value, tuple), (
        "%s: TF gives %s, torchkeras %s"
        % (expression, type(tf_value).__name__, type(tk_value).__name__)
    )
    for expected, got in zip(tf_leaves, tk_leaves):
        if not hasattr(expected, "dtype"):
            assert expected == got, "%s: %r vs %r" % (expression, expected, got)
            continue
        assert got.dtype.name == expected.dtype.name, "%s: dtype %s vs TF %s" % (
            expression,
            got.dtype.name,
            expected.dtype.name,
        )
        assert tuple(got.shape) == tuple(expected.shape), "%s: shape %s vs TF %s" % (
            expression,
            got.shape,
            expected.shape,
        )
        want, have = _host(expected), _host(got)
        if want.dtype.kind in "fc":
            np.testing.assert_allclose(
                have, want, rtol=rtol, atol=atol, equal_nan=True, err_msg=expression
            )
        else:
            np.testing.assert_array_equal(have, want, err_msg=expression)


def error_of(module, source):
    """The exception ``source`` raises with ``tf`` bound to ``module`` (``None`` if it runs)."""
    kind, result = run(module, source)
    return result if kind == "error" else None


def kernel_text(error):
    """An error's text without TF's ``{{function_node ...}}`` kernel prefix."""
    return str(error).split("}} ", 1)[-1]


def assert_raises(module, source, cls, start):
    """``source`` raises exactly ``cls`` with a kernel text starting with ``start``."""
    error = error_of(module, source)
    assert type(error) is cls and kernel_text(error).startswith(start), repr(error)


def assert_same_errors(ours, theirs, sources, chars=60):
    """Each of ``sources`` raises the same class name and kernel-text start on both modules."""
    for source in sources:
        mine, real = error_of(ours, source), error_of(theirs, source)
        assert type(mine).__name__ == type(real).__name__, source
        assert kernel_text(mine)[:chars] == kernel_text(real)[:chars], source
