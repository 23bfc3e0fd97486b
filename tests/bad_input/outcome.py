"""One case's outcome, in a form both implementations produce alike: the exception class and
message start, or the returned values (dtype, shape, numbers), and the state read after it."""

import re

import numpy as np

MESSAGE_CHARS = 60
"""How much of an error message is compared (its start; the rest often names objects)."""

_FUNCTION_NODE = re.compile(r"\{\{function_node [^}]*\}\}\s*")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_STRING_SET = re.compile(r"\{'[^{}]*'\}")
"""A Python set of strings in a message: its order changes with the process' hash seed."""
_NUMBERED_NAME = re.compile(r"'([a-z][a-z0-9_]*?)_\d+'")
_NUMBERED_LAYER = re.compile(r"\bLayer ([a-z][a-z0-9_]*?)_\d+\b")
"""Auto-numbered object names (``'dense_4'``): the number counts earlier objects of the run."""


def message_start(error):
    """The start of an error message, without TF's kernel prefix and terminal colours."""
    text = _ANSI.sub("", str(error))
    text = _FUNCTION_NODE.sub("", text).strip()
    text = _NUMBERED_NAME.sub(r"'\1'", text)
    text = _NUMBERED_LAYER.sub(r"Layer \1", text)
    text = _STRING_SET.sub(
        lambda found: "{%s}" % ", ".join(sorted(found.group()[1:-1].split(", "))), text
    )
    return text[:MESSAGE_CHARS]


def describe(value, depth=0):
    """A JSON-able description of a returned value."""
    if depth > 4:
        return {"type": type(value).__name__}
    if value is None or isinstance(value, (bool, int, float, str)):
        return {
            "python": value if not isinstance(value, float) or np.isfinite(value) else repr(value)
        }
    if isinstance(value, (list, tuple)):
        return {"items": [describe(v, depth + 1) for v in value]}
    if isinstance(value, dict):
        return {"keys": sorted(map(str, value))}
    numpy = getattr(value, "numpy", None)
    dtype = getattr(value, "dtype", None)
    if callable(numpy) and dtype is not None and hasattr(value, "shape"):
        try:
            array = np.asarray(numpy())
        except Exception as error:  # noqa: BLE001 - a value that cannot be read is an outcome
            return {"unreadable": type(error).__name__}
        return _array(array, getattr(dtype, "name", str(dtype)))
    if isinstance(value, (np.ndarray, np.generic)):
        return _array(np.asarray(value), np.asarray(value).dtype.name)
    return {"type": type(value).__name__}


def _array(array, dtype_name):
    result = {"dtype": dtype_name, "shape": list(array.shape)}
    if array.dtype.kind in "biuf":
        result["values"] = [repr(float(v)) for v in array.reshape(-1)[:64]]
    elif array.dtype.kind == "c":
        result["values"] = [repr(complex(v)) for v in array.reshape(-1)[:64]]
    elif array.dtype.kind in "OSU":
        result["values"] = [repr(v) for v in array.reshape(-1)[:64]]
    return result


def run_case(source, state_source, tf, keras):
    """Runs one case (see ``cases.py``) with ``tf``/``keras`` bound; its outcome."""
    namespace = {"tf": tf, "keras": keras, "np": np}
    outcome = {}
    try:
        if state_source is None:
            result = eval(source, namespace)  # noqa: S307 - the cases are this suite's own code
        else:
            exec(source, namespace)  # noqa: S102 - the cases are this suite's own code
            result = namespace.get("result")
        outcome["returns"] = describe(result)
        if "random" in source or ("keras.layers." in source and ")(" in source):
            # values drawn from a random generator or a layer's random initial weights are
            # each implementation's own: shape and dtype are compared
            outcome["returns"].pop("values", None)
    except Exception as error:  # noqa: BLE001 - every exception is an outcome to compare
        outcome["raises"] = type(error).__name__
        outcome["message"] = message_start(error)
    if state_source is not None:
        try:
            outcome["state"] = describe(eval(state_source, namespace))  # noqa: S307
        except Exception as error:  # noqa: BLE001
            outcome["state"] = {"raises": type(error).__name__}
    return outcome


def _number(text):
    try:
        return float(text)
    except ValueError:
        return complex(text)


def _close(a, b):
    """Two number reprs equal within float32 tolerance (NaN equals NaN)."""
    x, y = _number(a), _number(b)
    if isinstance(x, complex) or isinstance(y, complex):
        return abs(complex(x) - complex(y)) <= 1e-5 * (1 + abs(complex(y)))
    if np.isnan(x) or np.isnan(y):
        return np.isnan(x) and np.isnan(y)
    if np.isinf(x) or np.isinf(y):
        return x == y
    return abs(x - y) <= 1e-5 * (1 + abs(y))


def _same_description(ours, theirs):
    if set(ours) != set(theirs):
        return False
    for key, value in theirs.items():
        if key == "values" and ours.get("dtype", "").startswith(("float", "complex", "bfloat")):
            if len(value) != len(ours[key]) or not all(map(_close, ours[key], value)):
                return False
        elif key == "items":
            if len(value) != len(ours[key]) or not all(
                _same_description(a, b) for a, b in zip(ours[key], value)
            ):
                return False
        elif ours[key] != value:
            return False
    return True


def differences(ours, theirs):
    """What differs between torchkeras' outcome ``ours`` and TF's ``theirs`` (empty: agree).

    Exceptions agree on the class and the message start; values on dtype, shape and numbers
    (floats within 1e-5); the state read after the call likewise."""
    found = []
    if "raises" in theirs or "raises" in ours:
        if ours.get("raises") != theirs.get("raises"):
            found.append("class %s != TF's %s" % (ours.get("raises"), theirs.get("raises")))
        elif ours.get("message") != theirs.get("message"):
            found.append("message %r != TF's %r" % (ours.get("message"), theirs.get("message")))
    elif not _same_description(ours["returns"], theirs["returns"]):
        found.append("value %s != TF's %s" % (ours["returns"], theirs["returns"]))
    if "state" in theirs and not _same_description(ours.get("state", {}), theirs["state"]):
        found.append("state %s != TF's %s" % (ours.get("state"), theirs["state"]))
    return found


def assert_outcome(source, expected):
    """``source`` (a one-expression case) gives torchkeras the recorded TF outcome
    ``expected``."""
    import torchkeras
    from torchkeras import keras

    assert not differences(run_case(source, None, torchkeras, keras), expected)


def assert_same_as_tensorflow(source):
    """``source`` gives torchkeras and real TF / Keras the same outcome (skips without TF)."""
    import pytest

    import torchkeras
    from torchkeras import keras

    real_tf = pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    ours = run_case(source, None, torchkeras, keras)
    assert not differences(ours, run_case(source, None, real_tf, real_keras))
