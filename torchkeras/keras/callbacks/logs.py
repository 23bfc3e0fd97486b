"""Turning step results into the plain-float logs callbacks receive."""

from __future__ import annotations

import torch

from ...framework import tree as _tree
from ...framework.tensor import TensorOperators

__all__ = ["pythonify_logs"]


def pythonify_logs(logs):
    """Keras' log normalisation: keys sorted, nested dicts flattened, scalars as ``float``.

    Device scalars are gathered with one host transfer.
    """
    if not logs:
        return {}
    flat = {}
    _flatten(logs, flat)
    pending = [
        key for key, value in flat.items() if isinstance(value, torch.Tensor) and value.numel() == 1
    ]
    if pending:
        values = torch.stack(
            [flat[key].detach().reshape(()).to(torch.float64) for key in pending]
        ).tolist()
        flat.update(zip(pending, values))
    for key, value in flat.items():
        if not isinstance(value, float):
            try:
                flat[key] = float(value)
            except (TypeError, ValueError):
                pass
    return flat


def _not_dict(value):
    return not isinstance(value, dict)


def _flatten(logs, out):
    """Nested dicts' entries under their own keys, in sorted order (Keras' pythonify_logs)."""
    for path, value in _tree.flatten_with_path(logs, _tree.NEST, is_leaf=_not_dict):
        out[path[-1]] = value._value if isinstance(value, TensorOperators) else value
