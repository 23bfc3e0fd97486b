"""Keras 3's dtype names and type-promotion rules (``keras.backend.result_type``).

Keras promotes like JAX, not like TensorFlow: a least-upper-bound walk over a
lattice in which Python ``int``/``float`` are *weak* types that defer to the
tensor's dtype (``int32`` tensor + ``1.5`` -> ``float32``; ``float16`` + ``1.0``
-> ``float16``; ``int8`` + ``uint8`` -> ``int16``).  Weak results resolve to the
precision of ``keras.config.floatx()``.
"""

import functools


import torch

from ...framework import dtypes as _tf_dtypes
from ..backend import config
from ...api_export import keras_export

__all__ = [
    "standardize_dtype",
    "result_type",
    "torch_dtype",
    "name_of",
    "is_float_dtype",
    "is_int_dtype",
]

ALLOWED_DTYPES = (
    "float16",
    "float32",
    "float64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "int8",
    "int16",
    "int32",
    "int64",
    "bfloat16",
    "bool",
    "string",
    "float8_e4m3fn",
    "float8_e5m2",
    "complex64",
    "complex128",
)
_PYTHON = {
    bool: "bool",
    int: "int64",
    float: "float32",
    str: "string",
    "int": "int64",
    complex: "complex128",
}

NAME = {d.torch_dtype: d.name for d in _tf_dtypes._ALL if d.torch_dtype is not None}
"""torch dtype -> Keras dtype name."""
TORCH = {name: td for td, name in NAME.items()}
"""Keras dtype name -> torch dtype."""

_LATTICE = {
    "bool": ("int",),
    "uint8": ("int16", "uint16"),
    "uint16": ("int32", "uint32"),
    "uint32": ("int64", "uint64"),
    "uint64": ("float",),
    "int": ("uint8", "int8", "complex64"),
    "int8": ("int16",),
    "int16": ("int32",),
    "int32": ("int64",),
    "int64": ("float",),
    "float": ("bfloat16", "float16"),
    "bfloat16": ("float32",),
    "float16": ("float32",),
    "float32": ("float64", "complex64"),
    "float64": ("complex128",),
    "complex64": ("complex128",),
    "complex128": (),
}


def _upper_bounds():
    bounds = {}
    for node in _LATTICE:
        reach, todo = {node}, [node]
        while todo:
            for parent in _LATTICE[todo.pop()]:
                if parent not in reach:
                    reach.add(parent)
                    todo.append(parent)
        bounds[node] = frozenset(reach)
    return bounds


_BOUNDS = _upper_bounds()


@keras_export("keras.backend.standardize_dtype")
def standardize_dtype(dtype):
    """Keras' dtype name for ``dtype`` (a name, Python type, NumPy/torch/tf dtype); ``None`` gives
    floatx.

    Raises ``ValueError("Invalid dtype: ...")`` for anything else, as Keras does.
    """
    if dtype is None:
        return config.floatx()
    dtype = _PYTHON.get(dtype, dtype)
    if isinstance(dtype, torch.dtype):
        dtype = NAME.get(dtype, str(dtype).split(".")[-1])
    elif hasattr(dtype, "name"):
        dtype = dtype.name
    elif hasattr(dtype, "__name__"):
        dtype = dtype.__name__
    if dtype not in ALLOWED_DTYPES:
        raise ValueError(f"Invalid dtype: {dtype}")
    return dtype


def _least_upper_bound(nodes):
    common = frozenset.intersection(*(_BOUNDS[n] for n in nodes))
    lub = (common & nodes) or {c for c in common if common <= _BOUNDS[c]}
    if len(lub) != 1:
        raise ValueError(
            f"Input dtypes {tuple(str(n) for n in nodes)} have no available implicit dtype "
            f"promotion "
            "path. Try explicitly casting inputs to the desired output type."
        )
    return next(iter(lub))


def _weak(name):
    if name == "bool":
        return name
    return "float" if "float" in name else ("complex" if "complex" in name else "int")


def _resolve_weak(name, precision):
    kind = "f" if name == "bfloat16" else name[:1]
    if kind == "b":
        return "bool"
    if kind == "i":
        return "int" + precision
    if kind == "u":
        return "uint" + precision
    return "float" + precision


@functools.lru_cache(maxsize=1024)
def _result_type(args, floatx):
    names = tuple(standardize_dtype(a) for a in args)
    weak = tuple(a is int or a is float for a in args)
    for name in names:
        if name.startswith("float8"):
            raise ValueError(
                f"There is no implicit conversions from float8 dtypes to others. You must cast it "
                f"internally. Received: {names}"
            )
        if name not in _BOUNDS:
            raise ValueError(f"dtype={name!r} is not a valid dtype for Keras type promotion.")
    if len(names) == 1:
        out, out_weak = names[0], weak[0]
    elif len(set(names)) == 1 and not all(weak):
        out, out_weak = names[0], False
    elif all(weak):
        out, out_weak = _least_upper_bound(frozenset(names)), True
    else:
        out = _least_upper_bound(frozenset(_weak(n) if w else n for n, w in zip(names, weak)))
        out_weak = out in ("int", "float")
    if out_weak and out != "bool":
        out = _resolve_weak(out, floatx[-2:])
    return out


@keras_export("keras.backend.result_type")
def result_type(*dtypes):
    """The dtype Keras' promotion lattice gives ``dtypes`` (``keras.backend.result_type``).

    Python ``int``/``float`` (the types themselves) are weak; ``None`` stands for floatx;
    no argument gives floatx.
    """
    floatx = config.floatx()
    if not dtypes:
        return floatx
    return _result_type(tuple(floatx if d is None else d for d in dtypes), floatx)


def torch_dtype(dtype):
    """The torch dtype of a Keras dtype (any form :func:`standardize_dtype` takes)."""
    return TORCH[standardize_dtype(dtype)]


def name_of(storage):
    """Keras' dtype name of a torch storage."""
    return NAME[storage.dtype]


def is_float_dtype(dtype):
    """True for float16/bfloat16/float32/float64."""
    return "float" in standardize_dtype(dtype)


def is_int_dtype(dtype):
    """True for the signed and unsigned integer dtypes."""
    return "int" in standardize_dtype(dtype)
