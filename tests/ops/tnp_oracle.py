"""Runs tnp expressions on real TensorFlow in a subprocess and on torchkeras in this one.

TF's ``experimental_enable_numpy_behavior`` cannot be undone, so the oracle side runs in
its own interpreter (this one's ``sys.executable``, which has TF when the tests run under
the oracle venv).  Each result is ``["ok", dtype, values]`` or ``["error", class name]``.
"""

import json
import subprocess
import sys

import numpy as np

_ORACLE = r"""
import json, sys
import numpy as np
import tensorflow as tf
import tensorflow.experimental.numpy as tnp
tnp.experimental_enable_numpy_behavior(prefer_float32=%r)
out = []
for expression in json.loads(sys.stdin.read()):
    try:
        value = eval(expression)
        out.append(["ok", value.dtype.name, np.asarray(value).tolist()])
    except Exception as error:
        out.append(["error", type(error).__name__])
print(json.dumps(out))
"""


def oracle(expressions, prefer_float32=False):
    """Real TF's results for ``expressions`` (names: ``tf``, ``tnp``, ``np``)."""
    done = subprocess.run(
        [sys.executable, "-c", _ORACLE % prefer_float32],
        input=json.dumps(list(expressions)),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def ours(expressions, scope):
    """torchkeras' results for ``expressions``, in the layout :func:`oracle` gives: with NumPy
    behavior enabled as the oracle's (tnp's ``astype`` steps need it), then undone."""
    from torchkeras.framework.global_state import PROCESS
    from torchkeras.ops.tnp_behavior import _reset_numpy_behavior

    if PROCESS.numpy_behavior:
        return _evaluated(expressions, scope)
    scope["tnp"].experimental_enable_numpy_behavior()
    try:
        return _evaluated(expressions, scope)
    finally:
        _reset_numpy_behavior()


def _evaluated(expressions, scope):
    out = []
    for expression in expressions:
        try:
            value = eval(expression, dict(scope))  # noqa: S307 - test expressions in this repo
            out.append(["ok", value.dtype.name, np.asarray(value).tolist()])
        except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
            out.append(["error", type(error).__name__])
    return out


def assert_same(expressions, expected, got, rtol=1e-6):
    """Same status, dtype and values (floats within ``rtol``) for every expression."""
    wrong = []
    for expression, want, have in zip(expressions, expected, got):
        if want[:2] != have[:2]:
            wrong.append((expression, want, have))
        elif want[0] == "ok" and not np.allclose(
            np.asarray(want[2], dtype=np.float64),
            np.asarray(have[2], dtype=np.float64),
            rtol=rtol,
            equal_nan=True,
        ):
            wrong.append((expression, want, have))
    assert wrong == [], "\n".join(map(repr, wrong))
